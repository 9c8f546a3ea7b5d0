namespace Contracts.Specs.Tests.Infrastructure;

/// <summary>A NuGet package the repository publishes: the project that makes it and entries it must hold.</summary>
internal sealed record ExpectedPackage(string Id, string Project, IReadOnlyList<string> Entries)
{
    /// <summary>
    /// Every package `dotnet pack` must produce. One line per package: a new packable project (the Contracts.Music
    /// facade, for instance) adds its line here, and <see cref="PackageTests"/> packs and checks it.
    /// </summary>
    public static IReadOnlyList<ExpectedPackage> All { get; } =
    [
        Library("Contracts.Clients"),
        Library("Contracts.Validation"),
        Library("Contracts.Music"),
        Library("Contracts.Emulator"),
        new("Contracts.Specs", "src/Contracts.Specs/Contracts.Specs.csproj", SpecsEntries()),
    ];

    /// <summary>Projects under src/ that are deliberately not packages, with the reason.</summary>
    public static IReadOnlyDictionary<string, string> NotPackaged { get; } = new Dictionary<string, string>
    {
        ["Contracts.Cli"] = "the `contracts` command-line tool is run from the repository, not referenced",
    };

    /// <summary>A class library: its assembly, XML docs and README.</summary>
    private static ExpectedPackage Library(string name) => new(
        name,
        $"src/{name}/{name}.csproj",
        [$"lib/net10.0/{name}.dll", $"lib/net10.0/{name}.xml", "README.md"]);

    /// <summary>The specs package: README, and every published spec, the changelog and every sample as contentFiles.</summary>
    private static string[] SpecsEntries()
    {
        const string prefix = "contentFiles/any/any/specs/";
        var samples = Path.Combine(Repository.Specs, "samples");
        return
        [
            "README.md",
            prefix + "README.md",
            prefix + "CHANGELOG.md",
            .. Repository.SpecNames.Select(name => $"{prefix}{name}.yaml"),
            .. Directory.GetFiles(samples, "*", SearchOption.AllDirectories)
                .Select(file => prefix + "samples/" + Path.GetRelativePath(samples, file).Replace('\\', '/')),
        ];
    }
}
