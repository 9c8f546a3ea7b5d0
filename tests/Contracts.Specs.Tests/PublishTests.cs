using System.Text.Json;
using System.Text.RegularExpressions;
using Contracts.Specs.Tests.Infrastructure;

namespace Contracts.Specs.Tests;

/// <summary>`npm run publish:specs` (into a temp folder here): per spec a bundled YAML and JSON and an offline HTML page.</summary>
public sealed partial class PublishTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("contracts-publish-");

    public void Dispose() => _temp.Delete(recursive: true);

    [SkippableFact]
    public async Task Every_spec_is_published_as_yaml_json_and_a_self_contained_html_page()
    {
        var output = Path.Combine(_temp.FullName, "specs");

        var result = await ProcessRunner.NodeAsync("build/specs/publish.mjs", [output], TestCancellation.Token);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(
            Repository.SpecNames.SelectMany(name => new[] { name + ".html", name + ".json", name + ".yaml" }).Order(StringComparer.Ordinal),
            Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in Repository.SpecNames)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, name + ".json")));
            Assert.Equal("3.0.3", json.RootElement.GetProperty("openapi").GetString());
            Assert.StartsWith("openapi: 3.0.3", File.ReadAllText(Path.Combine(output, name + ".yaml")), StringComparison.Ordinal);

            var html = File.ReadAllText(Path.Combine(output, name + ".html"));
            Assert.Empty(ExternalLoad().Matches(html).Select(m => m.Value));
            Assert.Contains("<script", html, StringComparison.Ordinal); // Redoc itself, inlined
        }
    }

    // A script, stylesheet or frame fetched from elsewhere: what would break the page offline.
    [GeneratedRegex(@"<(script|link|iframe)\b[^>]*\b(src|href)\s*=\s*[""']?(https?:)?//[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalLoad();
}
