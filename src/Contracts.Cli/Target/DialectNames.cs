using Contracts.Clients;
using Contracts.Music;

namespace Contracts.Cli.Target;

/// <summary>The dialects by their names (goamz-v3.5, ...), as everywhere else in the tool: the names of <see cref="DialectCatalog"/>.</summary>
internal static class DialectNames
{
    /// <summary>Every dialect name, for option descriptions: <c>goamz-v3.5, goamz-v3.0, task, native-v2</c>.</summary>
    public static string Listing { get; } = string.Join(", ", DialectCatalog.All.Select(d => d.Name));

    /// <summary>The dialect called <paramref name="name"/>: its descriptor name (<c>goamz-v3.5</c>) or the facade's
    /// enum name (<c>GoAmzV35</c>), case ignored.</summary>
    /// <exception cref="CliUsageException">No dialect has that name.</exception>
    public static MusicDialect Parse(string name)
    {
        if (DialectCatalog.Find(name) is { } descriptor && MusicDialectDescriptors.TryGetMusicDialect(descriptor, out var dialect))
            return dialect;
        foreach (var candidate in Enum.GetValues<MusicDialect>())
            if (string.Equals(name, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
                return candidate;
        throw new CliUsageException($"Unknown dialect '{name}': use {DialectCatalog.ListNames("or")}.");
    }

    /// <summary>The name of <paramref name="dialect"/> (<c>goamz-v3.5</c>).</summary>
    public static string Format(MusicDialect dialect) => dialect.Descriptor().Name;
}
