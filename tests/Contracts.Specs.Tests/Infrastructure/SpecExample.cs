using System.Text.Json.Nodes;
using Contracts.Validation;

namespace Contracts.Specs.Tests.Infrastructure;

/// <summary>One example printed in a spec, what it is an example of, and where it stands (for messages).</summary>
internal sealed record SpecExample(string Where, ValidationTarget Target, string Json)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    /// <summary>Every example of a spec: component schemas' `example`, and each request and response body's `example`/`examples`.</summary>
    public static IEnumerable<SpecExample> All(string dialect, JsonObject spec)
    {
        var components = spec["components"]?.AsObject();
        foreach (var (name, schema) in components?["schemas"]?.AsObject() ?? [])
        {
            if (schema!.AsObject().TryGetPropertyValue("example", out var example))
            {
                yield return new($"#/components/schemas/{name}", ValidationTarget.Schema(dialect, name), Text(example));
            }
        }

        foreach (var (path, item) in spec["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject().Where(entry => Methods.Contains(entry.Key)))
            {
                var operation = node!.AsObject();
                var operationId = (string)operation["operationId"]!;
                var where = $"{method.ToUpperInvariant()} {path} ({operationId})";
                if (operation["requestBody"] is JsonObject body)
                {
                    foreach (var (label, json) in MediaExamples(Resolve(spec, body)))
                    {
                        yield return new($"{where} request {label}", ValidationTarget.Request(dialect, operationId), json);
                    }
                }
                foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
                {
                    if (!int.TryParse(status, out var code)) continue;
                    foreach (var (label, json) in MediaExamples(Resolve(spec, response!.AsObject())))
                    {
                        yield return new($"{where} response {status} {label}", ValidationTarget.Response(dialect, operationId, code), json);
                    }
                }
            }
        }
    }

    private static IEnumerable<(string Label, string Json)> MediaExamples(JsonObject bodyOrResponse)
    {
        foreach (var (mediaType, media) in bodyOrResponse["content"]?.AsObject() ?? [])
        {
            if (!mediaType.Contains("json", StringComparison.Ordinal)) continue;
            if (media!.AsObject().TryGetPropertyValue("example", out var example)) yield return ("example", Text(example));
            foreach (var (name, named) in media["examples"]?.AsObject() ?? [])
            {
                if (named!.AsObject().TryGetPropertyValue("value", out var value)) yield return ($"example '{name}'", Text(value));
            }
        }
    }

    // Responses and request bodies may be `$ref: '#/components/...'`; the specs are single files.
    private static JsonObject Resolve(JsonObject spec, JsonObject node)
    {
        if (node["$ref"] is not JsonValue reference) return node;
        JsonNode? target = spec;
        foreach (var part in ((string)reference!).TrimStart('#', '/').Split('/')) target = target?[part];
        return target?.AsObject() ?? throw new InvalidOperationException($"Unresolved {reference}.");
    }

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";
}
