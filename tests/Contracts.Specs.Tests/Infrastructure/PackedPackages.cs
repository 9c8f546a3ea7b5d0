namespace Contracts.Specs.Tests.Infrastructure;

/// <summary>
/// Packs every expected package once per test run into a temp folder, with `dotnet pack --no-build`: CI runs only
/// `dotnet build` and `dotnet test`, so the tests make the packages themselves, from what the build already produced
/// (no second build racing the first), and with no build server left running after the tests.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("contracts-packages-");

    /// <summary>What `dotnet pack` printed per package id, for assertion messages.</summary>
    internal Dictionary<string, ProcessResult> PackResults { get; } = [];

    internal string Path(ExpectedPackage package) =>
        System.IO.Path.Combine(_output.FullName, $"{package.Id}.{Versions.PackageVersion}.nupkg");

    public async Task InitializeAsync()
    {
        foreach (var package in ExpectedPackage.All)
        {
            PackResults[package.Id] = await ProcessRunner.RunAsync(
                "dotnet",
                ["pack", System.IO.Path.Combine(Repository.Root, package.Project), "--no-build", "--disable-build-servers", "-c", Repository.Configuration, "-o", _output.FullName],
                TestCancellation.Token);
        }
    }

    public Task DisposeAsync()
    {
        _output.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
