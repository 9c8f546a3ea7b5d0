using System.Text.Json.Nodes;
using Contracts.Specs.Tests.Infrastructure;

namespace Contracts.Specs.Tests;

/// <summary>Every `x-` extension in a spec is explained in specs/README.md, which teams outside read first.</summary>
public sealed class ExtensionDocumentationTests
{
    public static TheoryData<string> Specs() => new(Repository.SpecNames);

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_extension_used_is_in_the_specs_readme_table(string dialect)
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Specs, "README.md"));
        var used = Extensions(YamlJson.LoadFile(Path.Combine(Repository.Specs, dialect + ".yaml"))).Distinct().ToList();

        Assert.Contains("x-contracts-source", used); // on every operation: proves the walk reaches them.
        var undocumented = used.Where(name => !readme.Contains($"| `{name}` |", StringComparison.Ordinal)).ToList();
        Assert.True(undocumented.Count == 0, $"{dialect}.yaml uses {string.Join(", ", undocumented)}, not in the Extensions table of specs/README.md");
    }

    // Names in `properties` and `examples` maps are data, not extensions (a schema may describe a field called `x-...`),
    // and example payloads are data throughout; everything else is the spec's own structure.
    private static IEnumerable<string> Extensions(JsonNode? node, bool namesAreData = false)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (key, value) in map)
                {
                    if (!namesAreData)
                    {
                        if (key is "example" or "value") continue;
                        if (key.StartsWith("x-", StringComparison.Ordinal)) yield return key;
                    }
                    foreach (var name in Extensions(value, namesAreData: !namesAreData && key is "properties" or "examples"))
                    {
                        yield return name;
                    }
                }
                break;
            case JsonArray list:
                foreach (var name in list.SelectMany(item => Extensions(item))) yield return name;
                break;
        }
    }
}
