using System.IO.Compression;
using System.Xml.Linq;
using Contracts.Specs.Tests.Infrastructure;

namespace Contracts.Specs.Tests;

/// <summary>`dotnet pack` makes every expected package, each with its entries and the shared metadata.</summary>
[Collection(PackingCollection.Name)]
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

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Package_with_an_assembly_has_a_symbol_package(string id)
    {
        var package = Expected(id);
        packages.AssertPacked(package);

        Assert.Equal(package.HasSymbols, File.Exists(packages.SymbolsPath(package)));
    }

    /// <summary>
    /// The package hygiene of Directory.Build.props, as each project evaluates it under CI (CI=true, as .ci/run sets):
    /// a ContinuousIntegrationBuild (deterministic source paths), package validation on pack (libraries), and a .snupkg.
    /// </summary>
    [Theory]
    [MemberData(nameof(PackageIds))]
    public async Task Package_project_under_ci_is_a_continuous_integration_build_with_package_validation(string id)
    {
        var package = Expected(id);
        string[] names = ["ContinuousIntegrationBuild", "DeterministicSourcePaths", "EnablePackageValidation", "IncludeSymbols", "SymbolPackageFormat"];
        var run = await ProcessRunner.RunAsync(
            "dotnet",
            ["msbuild", Path.Combine(Repository.Root, package.Project), "-nodeReuse:false", .. names.Select(name => "-getProperty:" + name)],
            TestCancellation.Token,
            environment: new Dictionary<string, string> { ["CI"] = "true" });
        Assert.True(run.ExitCode == 0, $"dotnet msbuild exited {run.ExitCode}:{Environment.NewLine}{run.Output}");

        using var json = System.Text.Json.JsonDocument.Parse(run.StandardOutput);
        var properties = json.RootElement.GetProperty("Properties");
        string Value(string name) => properties.GetProperty(name).GetString() ?? "";
        Assert.Equal("true", Value("ContinuousIntegrationBuild"));
        Assert.Equal("true", Value("DeterministicSourcePaths"));
        // The SDK turns package validation off for a tool package (PackAsTool): a tool has no API to validate.
        Assert.Equal(id == ExpectedPackage.Tool.Id ? "false" : "true", Value("EnablePackageValidation"));
        Assert.Equal(package.HasSymbols ? "true" : "false", Value("IncludeSymbols"));
        if (package.HasSymbols) Assert.Equal("snupkg", Value("SymbolPackageFormat"));
    }

    /// <summary>Every library package tracks its public API (PublicApiAnalyzers; a change without its line fails the build).</summary>
    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Library_package_declares_its_public_api(string id)
    {
        var package = Expected(id);
        if (!package.Entries.Any(entry => entry.StartsWith("lib/", StringComparison.Ordinal))) return;
        var folder = Path.GetDirectoryName(Path.Combine(Repository.Root, package.Project))!;

        var shipped = Path.Combine(folder, "PublicAPI.Shipped.txt");
        Assert.True(File.Exists(shipped) && File.Exists(Path.Combine(folder, "PublicAPI.Unshipped.txt")), $"{id} has no PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt in {folder}");
        Assert.Contains(File.ReadLines(shipped), line => line.StartsWith(id + ".", StringComparison.Ordinal));
    }

    [Fact]
    public void The_cli_package_is_a_dotnet_tool_named_contracts()
    {
        using var zip = Open(ExpectedPackage.Tool);
        var packageTypes = Nuspec(zip).Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string?)e.Attribute("name"));
        Assert.Contains("DotnetTool", packageTypes);

        using var settings = zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open();
        var command = XDocument.Load(settings).Descendants().Single(e => e.Name.LocalName == "Command");
        Assert.Equal("contracts", (string?)command.Attribute("Name"));
        Assert.Equal("contracts.dll", (string?)command.Attribute("EntryPoint"));
    }

    [Fact]
    public void The_validation_package_depends_on_the_specs_package_with_its_content_files()
    {
        using var zip = Open(Expected("Contracts.Validation"));
        var dependency = Nuspec(zip).Descendants().SingleOrDefault(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "Contracts.Specs");

        Assert.NotNull(dependency);
        Assert.Equal(Versions.PackageVersion, (string?)dependency.Attribute("version"));
        Assert.DoesNotContain("contentfiles", ((string?)dependency.Attribute("exclude") ?? "").ToLowerInvariant(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A console project outside the repository that references only the packed Contracts.Validation (restored from
    /// the packed folder and the local package cache, nothing else) runs <c>new ContractValidator()</c> with no options:
    /// the specs arrive through the Contracts.Specs dependency in its output's specs/ folder.
    /// </summary>
    [Fact]
    public async Task A_project_referencing_the_validation_package_validates_with_no_options()
    {
        packages.AssertPacked(Expected("Contracts.Validation"));
        packages.AssertPacked(Expected("Contracts.Specs"));
        var project = Directory.CreateTempSubdirectory("contracts-consumer-");
        try
        {
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            await File.WriteAllTextAsync(Path.Combine(project.FullName, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="packed" value="{packages.Folder}" />
                    <add key="cache" value="{cache}" />
                  </packageSources>
                </configuration>
                """);
            await File.WriteAllTextAsync(Path.Combine(project.FullName, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <!-- Its own cache: a package of the same version from an earlier run must not be reused. -->
                    <RestorePackagesPath>$(MSBuildProjectDirectory)/packages</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Contracts.Validation" Version="{Versions.PackageVersion}" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(project.FullName, "Program.cs"), """
                using Contracts.Validation;

                var validator = new ContractValidator();
                var result = await validator.ValidateAsync(File.ReadAllText(args[0]), ValidationTarget.Response("task", "submitMusic"));
                Console.WriteLine(validator.SpecsDirectory);
                Console.WriteLine(result.IsValid ? "valid" : result.ToString());
                return result.IsValid ? 0 : 1;
                """);
            var payload = Path.Combine(project.FullName, "payload.json");
            File.Copy(Path.Combine(Repository.Specs, "samples", "task", "submitMusic.response.json"), payload);

            var build = await ProcessRunner.RunAsync(
                "dotnet", ["build", "--disable-build-servers", "-c", "Release", "-o", Path.Combine(project.FullName, "app")],
                TestCancellation.Token, workingDirectory: project.FullName);
            Assert.True(build.ExitCode == 0, $"the consumer project did not build (exit {build.ExitCode}):{Environment.NewLine}{build.Output}");

            var run = await ProcessRunner.RunAsync(
                "dotnet", [Path.Combine(project.FullName, "app", "Consumer.dll"), payload], TestCancellation.Token, workingDirectory: project.FullName);

            Assert.True(run.ExitCode == 0, $"the consumer exited {run.ExitCode}:{Environment.NewLine}{run.Output}");
            var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal([Path.Combine(project.FullName, "app", "specs"), "valid"], lines);
        }
        finally
        {
            project.Delete(recursive: true);
        }
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
        packages.AssertPacked(package);
        return ZipFile.OpenRead(packages.Path(package));
    }

    private static XElement Nuspec(ZipArchive zip)
    {
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static ExpectedPackage Expected(string id) => ExpectedPackage.All.Single(p => p.Id == id);
}
