namespace Contracts.Specs.Tests.Infrastructure;

/// <summary>A NuGet package the repository publishes: the project that makes it and entries it must hold.</summary>
internal sealed record ExpectedPackage(string Id, string Project, IReadOnlyList<string> Entries, bool HasSymbols = true)
{
    /// <summary>
    /// The `contracts` command-line tool, packed as a .NET tool (PackAsTool), with the specs and samples beside it.
    /// Declared before <see cref="All"/>, which lists it (static initializers run in order).
    /// </summary>
    public static ExpectedPackage Tool { get; } = new(
        "Contracts.Cli",
        "src/Contracts.Cli/Contracts.Cli.csproj",
        [
            "README.md",
            "tools/net10.0/any/DotnetToolSettings.xml",
            "tools/net10.0/any/contracts.dll",
            "tools/net10.0/any/contracts.runtimeconfig.json",
            "tools/net10.0/any/specs/task.yaml",
            "tools/net10.0/any/specs/samples/manifest.json",
        ]);

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
        new("Contracts.Specs", "src/Contracts.Specs/Contracts.Specs.csproj", SpecsEntries(), HasSymbols: false),
        Tool,
    ];

    /// <summary>Projects under src/ that are deliberately not packages, with the reason. None today.</summary>
    public static IReadOnlyDictionary<string, string> NotPackaged { get; } = new Dictionary<string, string>();

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
