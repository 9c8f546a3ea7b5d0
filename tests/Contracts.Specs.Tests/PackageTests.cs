using System.IO.Compression;
using System.Xml.Linq;
using Contracts.Specs.Tests.Infrastructure;

namespace Contracts.Specs.Tests;

/// <summary>`dotnet pack` makes every expected package, each with its entries and the shared metadata.</summary>
public sealed class PackageTests(PackedPackages packages) : IClassFixture<PackedPackages>
{
    public static TheoryData<string> PackageIds() => new(ExpectedPackage.All.Select(p => p.Id));

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Package_holds_its_entries(string id)
    {
        var package = Expected(id);
        using var zip = Open(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        var missing = package.Entries.Where(entry => !entries.Contains(entry)).ToList();
        Assert.True(missing.Count == 0, $"{id} lacks: {string.Join(", ", missing)}. It holds: {string.Join(", ", entries.Order())}");
        if (!package.Entries.Any(entry => entry.StartsWith("lib/", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Package_metadata_comes_from_the_shared_properties(string id)
    {
        using var zip = Open(Expected(id));
        var metadata = Nuspec(zip);
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal(id, Value("id"));
        Assert.Equal(Versions.PackageVersion, Value("version"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")), $"{id} has no description");
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")), $"{id} has no authors");
        Assert.Equal("README.md", Value("readme"));

        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));

        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url"));
        Assert.False(string.IsNullOrWhiteSpace(Value("projectUrl")), $"{id} has no projectUrl");
    }

    [Fact]
    public void The_specs_package_copies_its_files_to_the_consumers_output()
    {
        using var zip = Open(Expected("Contracts.Specs"));
        var files = Nuspec(zip).Descendants().Where(e => e.Name.LocalName == "files").ToList();

        Assert.Contains(files, f => (string?)f.Attribute("include") == "any/any/specs/task.yaml");
        Assert.All(files, f => Assert.Equal("true", (string?)f.Attribute("copyToOutput")));
    }

    [Fact]
    public void Every_project_under_src_is_an_expected_package_or_deliberately_not_one()
    {
        var projects = Directory.GetDirectories(Path.Combine(Repository.Root, "src"))
            .Where(dir => Directory.GetFiles(dir, "*.csproj").Length > 0)
            .Select(dir => Path.GetFileName(dir)!);

        var unlisted = projects
            .Where(p => !ExpectedPackage.All.Any(e => e.Id == p) && !ExpectedPackage.NotPackaged.ContainsKey(p))
            .ToList();
        Assert.True(unlisted.Count == 0,
            $"Add a line to ExpectedPackage.All (and IsPackable=true, PackageId, Description, README.md to the project) for: {string.Join(", ", unlisted)}");
    }

    private ZipArchive Open(ExpectedPackage package)
    {
        var path = packages.Path(package);
        var pack = packages.PackResults[package.Id];
        Assert.True(File.Exists(path), $"dotnet pack did not make {path} (exit {pack.ExitCode}):{Environment.NewLine}{pack.Output}");
        return ZipFile.OpenRead(path);
    }

    private static XElement Nuspec(ZipArchive zip)
    {
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static ExpectedPackage Expected(string id) => ExpectedPackage.All.Single(p => p.Id == id);
}
