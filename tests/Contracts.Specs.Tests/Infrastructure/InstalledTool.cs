namespace Contracts.Specs.Tests.Infrastructure;

/// <summary>
/// The `contracts` tool as a user gets it: packed (`dotnet pack --no-build`, <see cref="ExpectedPackage.Tool"/>),
/// installed with `dotnet tool install --tool-path &lt;temp&gt; --add-source &lt;packed folder&gt;` from that folder
/// alone (a nuget.config that clears every other source, so no registry is asked), and run as
/// <c>&lt;tool path&gt;/contracts</c> from a temp folder outside the repository. One install per test class that
/// uses it as a fixture; <see cref="RunAsync"/> runs any command line on it. A class using it goes in
/// <c>[Collection(PackingCollection.Name)]</c>, because installing packs, and two packs of one project must not overlap:
/// <code>
/// [Collection(PackingCollection.Name)]
/// public sealed class MyToolTests(InstalledTool tool) : IClassFixture&lt;InstalledTool&gt;
/// {
///     [Fact]
///     public async Task Fetch_prints_json() { var run = await tool.RunAsync(["fetch", "...", "--json"]); Assert.Equal(0, run.ExitCode); }
/// }
/// </code>
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    private readonly PackedPackages _packed = new([ExpectedPackage.Tool]);
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("contracts-tool-");
    private ProcessResult? _install;

    /// <summary>The --tool-path folder the tool is installed in.</summary>
    public string ToolPath => Path.Combine(_root.FullName, "tools");

    /// <summary>The installed command: <c>&lt;tool path&gt;/contracts</c>.</summary>
    public string Command => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "contracts.exe" : "contracts");

    /// <summary>A folder outside the repository, the default working directory of <see cref="RunAsync"/>.</summary>
    public string WorkingDirectory => Path.Combine(_root.FullName, "work");

    public async Task InitializeAsync()
    {
        await _packed.InitializeAsync();
        Directory.CreateDirectory(WorkingDirectory);
        var config = Path.Combine(_root.FullName, "nuget.config");
        await File.WriteAllTextAsync(config, """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        _install = await ProcessRunner.RunAsync(
            "dotnet",
            ["tool", "install", ExpectedPackage.Tool.Id, "--tool-path", ToolPath, "--add-source", _packed.Folder, "--configfile", config, "--version", Versions.PackageVersion],
            TestCancellation.Token,
            workingDirectory: _root.FullName,
            // Its own package cache: a package of the same version from an earlier run must not be reused.
            environment: new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root.FullName, "nuget-packages") });
    }

    /// <summary>
    /// Runs the installed <c>contracts</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>
    /// (default <see cref="WorkingDirectory"/>) and returns how it exited and what it printed. Fails the calling test
    /// with what `dotnet pack` or `dotnet tool install` said when the tool is not installed.
    /// </summary>
    internal Task<ProcessResult> RunAsync(IEnumerable<string> arguments, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        _packed.AssertPacked(ExpectedPackage.Tool);
        Assert.True(_install is { ExitCode: 0 } && File.Exists(Command),
            $"dotnet tool install did not install {Command} (exit {_install?.ExitCode}):{Environment.NewLine}{_install?.Output}");
        return ProcessRunner.RunAsync(
            Command,
            arguments,
            cancellationToken == default ? TestCancellation.Token : cancellationToken,
            workingDirectory ?? WorkingDirectory,
            ToolEnvironment());
    }

    /// <summary>The embedded emulator's state file of these runs: in the fixture's folder, never the user's data folder.</summary>
    public string StatePath => Path.Combine(_root.FullName, "emulator-state.json");

    /// <summary>The apphost finds the runtime through DOTNET_ROOT (the one running these tests); the state stays in the fixture's folder.</summary>
    private Dictionary<string, string> ToolEnvironment()
    {
        var environment = new Dictionary<string, string> { ["CONTRACTS_STATE"] = StatePath };
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ROOT")))
        {
            // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
            var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        }
        return environment;
    }

    public async Task DisposeAsync()
    {
        await _packed.DisposeAsync();
        _root.Delete(recursive: true);
    }
}
