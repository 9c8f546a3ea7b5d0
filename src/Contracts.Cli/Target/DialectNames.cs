using Contracts.Music;

namespace Contracts.Cli.Target;

/// <summary>The dialects by their spec names (goamz-v3.5, ...), as everywhere else in the tool.</summary>
internal static class DialectNames
{
    private static readonly (string Name, MusicDialect Dialect)[] s_names =
    [
        ("goamz-v3.5", MusicDialect.GoAmzV35),
        ("goamz-v3.0", MusicDialect.GoAmzV30),
        ("task", MusicDialect.Task),
        ("native-v2", MusicDialect.NativeV2),
    ];

    public static MusicDialect Parse(string name)
    {
        foreach (var (known, dialect) in s_names)
            if (string.Equals(name, known, StringComparison.OrdinalIgnoreCase) || string.Equals(name, dialect.ToString(), StringComparison.OrdinalIgnoreCase))
                return dialect;
        throw new CliUsageException($"Unknown dialect '{name}': use goamz-v3.5, goamz-v3.0, task or native-v2.");
    }

    public static string Format(MusicDialect dialect) => s_names.First(n => n.Dialect == dialect).Name;
}
