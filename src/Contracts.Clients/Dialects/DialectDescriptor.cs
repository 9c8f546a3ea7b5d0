using System.Collections.Frozen;

namespace Contracts.Clients;

/// <summary>
/// Everything this repository states about one dialect, in one place: the wire format one group of relay vendors
/// uses to resell the Suno music API. Each dialect has one OpenAPI spec in <c>specs/</c>, one generated client in
/// this library, one adapter in the <c>Contracts.Music</c> facade and one set of endpoints in the emulator; they all
/// take the dialect's name, path prefix, operations, capabilities and status words from here. The descriptors are
/// listed in <see cref="DialectCatalog"/>; a new dialect is one new descriptor there.
/// </summary>
public sealed class DialectDescriptor
{
    internal DialectDescriptor(
        string name,
        string displayName,
        Type clientType,
        string defaultPathPrefix,
        IEnumerable<string> operations,
        DialectCapabilities capabilities,
        IReadOnlyDictionary<string, DialectStatus> taskStatuses)
    {
        Name = name;
        DisplayName = displayName;
        SpecFile = name + ".yaml";
        ClientType = clientType;
        DefaultPathPrefix = defaultPathPrefix;
        Operations = Array.AsReadOnly(operations.ToArray());
        Capabilities = capabilities;
        TaskStatuses = taskStatuses;
    }

    /// <summary>
    /// The dialect's short name, for example <c>goamz-v3.5</c> or <c>task</c>: its spec's file name without the
    /// extension. The same name is used everywhere a dialect is named as text: the command-line tool's
    /// <c>--dialect</c>, the sample manifest, the validator, the emulator's fault rules.
    /// </summary>
    public string Name { get; }

    /// <summary>The name to show people, for example <c>GoAmz v3.5</c> or <c>native v2</c>.</summary>
    public string DisplayName { get; }

    /// <summary>The dialect's OpenAPI spec: a file name in the repository's <c>specs/</c> folder (and in the
    /// <c>Contracts.Specs</c> package), for example <c>goamz-v3.5.yaml</c>.</summary>
    public string SpecFile { get; }

    /// <summary>The client generated from <see cref="SpecFile"/>, for example
    /// <c>Contracts.Clients.GoAmzV35.GoAmzV35Client</c>; its namespace holds the spec's generated types.</summary>
    public Type ClientType { get; }

    /// <summary>
    /// The path before the dialect's operations, without leading or trailing <c>/</c>, as the spec and its generated
    /// client have it: <c>suno/v1</c> for GoAmz v3.5 (<c>suno/v1/music</c>), <c>suno/v1/v3.0</c> for GoAmz v3.0,
    /// <c>suno</c> for the task dialect (<c>suno/submit/music</c>) and for native v2 (<c>suno/v2/generate</c>).
    /// A vendor may serve the same operations under another prefix; that is vendor configuration, not another dialect.
    /// </summary>
    public string DefaultPathPrefix { get; }

    /// <summary>The <c>operationId</c> of every operation under the spec's <c>paths</c> (what a client calls and the
    /// emulator serves), in the spec's order. Callbacks the vendor makes to the caller are not listed here; see
    /// <see cref="DialectCapabilities.Callback"/>.</summary>
    public IReadOnlyList<string> Operations { get; }

    /// <summary>What the dialect can do beyond submitting a song and reading its result.</summary>
    public DialectCapabilities Capabilities { get; }

    /// <summary>
    /// The dialect's task-level status words, each with its meaning: the wire value of a task's <c>status</c> (lookups
    /// ignore case, since relays differ in case). Empty when the dialect has no task resource (native v2, whose
    /// work is tracked per clip). Clips carry Suno's own status words in every dialect: <see cref="DialectCatalog.ClipStatuses"/>.
    /// A value not in the table is undocumented: keep it as it is.
    /// </summary>
    public IReadOnlyDictionary<string, DialectStatus> TaskStatuses { get; }

    /// <summary>Whether the dialect has every capability in <paramref name="capabilities"/>.</summary>
    /// <param name="capabilities">One capability, or several combined.</param>
    public bool Has(DialectCapabilities capabilities) => (Capabilities & capabilities) == capabilities;

    /// <summary>Whether the dialect's spec has an operation with this <c>operationId</c> (compared exactly, as
    /// operationIds are).</summary>
    /// <param name="operationId">The <c>operationId</c>, for example <c>submitMusic</c>.</param>
    public bool HasOperation(string operationId) => Operations.Contains(operationId, StringComparer.Ordinal);

    /// <summary>The dialect's <see cref="Name"/>.</summary>
    public override string ToString() => Name;

    /// <summary>A status table: wire value to state, lookups ignoring case.</summary>
    internal static FrozenDictionary<string, DialectStatus> StatusTable(params (string Wire, DialectStatus Status)[] rows) =>
        rows.ToFrozenDictionary(r => r.Wire, r => r.Status, StringComparer.OrdinalIgnoreCase);
}
