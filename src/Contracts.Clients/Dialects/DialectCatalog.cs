using System.Collections.Frozen;

namespace Contracts.Clients;

/// <summary>
/// The dialects this repository knows, one <see cref="DialectDescriptor"/> each: the only list of them. The facade,
/// the emulator and the command-line tool all read their dialects from here.
/// </summary>
/// <remarks>
/// Each descriptor is declared in its own file (<c>src/Contracts.Clients/Dialects/&lt;Dialect&gt;Dialect.cs</c>).
/// Adding a dialect means: its spec in <c>specs/</c> (and its line in <c>Contracts.Clients.csproj</c>, which
/// generates its client), one new descriptor file, its entry in <see cref="All"/>, and its adapter in the facade.
/// </remarks>
public static partial class DialectCatalog
{
    // Lazy: the descriptors are initialized in the other files of this partial class, in an order C# leaves open,
    // so the list is made on first use, once every descriptor exists.
    private static readonly Lazy<IReadOnlyList<DialectDescriptor>> s_all = new(() => Array.AsReadOnly(ListAll()));

    /// <summary>Every dialect, in a fixed order: GoAmz v3.5, GoAmz v3.0, task, native v2.</summary>
    public static IReadOnlyList<DialectDescriptor> All => s_all.Value;

    /// <summary>The one list of dialects: a new dialect's descriptor is added here.</summary>
    private static DialectDescriptor[] ListAll() => [GoAmzV35, GoAmzV30, Task, NativeV2];

    /// <summary>
    /// Suno's own clip status words, which every dialect's clips carry (and native v2's lyrics): <c>submitted</c>,
    /// <c>queued</c>, <c>streaming</c>, <c>complete</c>, <c>error</c>. Lookups ignore case; a value not in the table
    /// is undocumented: keep it as it is.
    /// </summary>
    public static IReadOnlyDictionary<string, DialectStatus> ClipStatuses { get; } = DialectDescriptor.StatusTable(
        ("submitted", DialectStatus.Pending),
        ("queued", DialectStatus.Queued),
        ("streaming", DialectStatus.Streaming),
        ("complete", DialectStatus.Succeeded),
        ("error", DialectStatus.Failed));

    /// <summary>The dialect called <paramref name="name"/> (its <see cref="DialectDescriptor.Name"/>, for example
    /// <c>goamz-v3.5</c>; case is ignored), or null when there is none.</summary>
    /// <param name="name">The dialect's name.</param>
    public static DialectDescriptor? Find(string? name) =>
        string.IsNullOrEmpty(name) ? null : All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The names of every dialect, for messages: <c>goamz-v3.5, goamz-v3.0, task or native-v2</c>.</summary>
    /// <param name="conjunction">The word before the last name, for example <c>or</c> or <c>and</c>.</param>
    public static string ListNames(string conjunction = "or")
    {
        var names = All.Select(d => d.Name).ToArray();
        return names.Length < 2 ? string.Concat(names) : $"{string.Join(", ", names[..^1])} {conjunction} {names[^1]}";
    }

    /// <summary>The GoAmz task status words, shared by both GoAmz dialects: <c>completed</c> is the only one a vendor
    /// page shows; the others are what GoAmz relays send.</summary>
    private static FrozenDictionary<string, DialectStatus> GoAmzTaskStatuses => GoAmzStatuses.Table;

    /// <summary>A class of its own so that both GoAmz descriptors can use it whatever order they are initialized in.</summary>
    private static class GoAmzStatuses
    {
        public static readonly FrozenDictionary<string, DialectStatus> Table = DialectDescriptor.StatusTable(
            ("pending", DialectStatus.Pending),
            ("submitted", DialectStatus.Pending),
            ("queued", DialectStatus.Queued),
            ("processing", DialectStatus.Running),
            ("running", DialectStatus.Running),
            ("streaming", DialectStatus.Streaming),
            ("completed", DialectStatus.Succeeded),
            ("complete", DialectStatus.Succeeded),
            ("success", DialectStatus.Succeeded),
            ("failed", DialectStatus.Failed),
            ("error", DialectStatus.Failed));
    }
}
