namespace Contracts.Specs.Tests.Infrastructure;

/// <summary>
/// Packs every expected package once per test run into a temp folder, with `dotnet pack --no-build`: CI runs only
/// `dotnet build` and `dotnet test`, so the tests make the packages themselves, from what the build already produced
/// (no second build racing the first), and with no build server left running after the tests.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("contracts-packages-");
    private readonly IReadOnlyList<ExpectedPackage> _packages;

    /// <summary>Every expected package (<see cref="ExpectedPackage.All"/>): the xunit fixture.</summary>
    public PackedPackages()
        : this(ExpectedPackage.All)
    {
    }

    /// <summary>Only these packages (a fixture that needs one package, such as <see cref="InstalledTool"/>).</summary>
    internal PackedPackages(IReadOnlyList<ExpectedPackage> packages) => _packages = packages;

    /// <summary>The folder holding the packed .nupkg and .snupkg files: a local package source.</summary>
    public string Folder => _output.FullName;

    /// <summary>What `dotnet pack` printed per package id, for assertion messages.</summary>
    internal Dictionary<string, ProcessResult> PackResults { get; } = [];

    internal string Path(ExpectedPackage package) =>
        System.IO.Path.Combine(_output.FullName, $"{package.Id}.{Versions.PackageVersion}.nupkg");

    internal string SymbolsPath(ExpectedPackage package) =>
        System.IO.Path.Combine(_output.FullName, $"{package.Id}.{Versions.PackageVersion}.snupkg");

    public async Task InitializeAsync()
    {
        foreach (var package in _packages)
        {
            PackResults[package.Id] = await ProcessRunner.RunAsync(
                "dotnet",
                ["pack", System.IO.Path.Combine(Repository.Root, package.Project), "--no-build", "--disable-build-servers", "-c", Repository.Configuration, "-o", _output.FullName],
                TestCancellation.Token);
        }
    }

    /// <summary>Fails with what `dotnet pack` said when it did not make the package.</summary>
    internal void AssertPacked(ExpectedPackage package)
    {
        var pack = PackResults[package.Id];
        Assert.True(File.Exists(Path(package)), $"dotnet pack did not make {Path(package)} (exit {pack.ExitCode}):{Environment.NewLine}{pack.Output}");
    }

    public Task DisposeAsync()
    {
        _output.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
