using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Contracts.Clients.Tests.Infrastructure;

/// <summary>A spec from specs/ read into a JSON tree (scalars kept as strings), for checks on its shape.</summary>
internal static class SpecDocument
{
    /// <summary>Every dialect's spec file (one per descriptor; <c>DialectCatalogTests</c> checks that specs/ holds no other).</summary>
    public static readonly string[] Files = DialectCatalog.All.Select(d => d.SpecFile).ToArray();

    public static JsonObject Load(string fileName)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "specs", fileName));
        stream.Load(reader);
        return (JsonObject)ToJson(stream.Documents[0].RootNode)!;
    }

    /// <summary>Every (method, path, operation) of the spec.</summary>
    public static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonObject spec)
    {
        string[] methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
        foreach (var (path, item) in spec["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (methods.Contains(method))
                {
                    yield return (method.ToUpperInvariant(), path, operation!.AsObject());
                }
            }
        }
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Value: "null" or "~" or "", Style: YamlDotNet.Core.ScalarStyle.Plain } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new NotSupportedException(node.GetType().Name),
    };
}
