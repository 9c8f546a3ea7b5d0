using System.Text.Json.Nodes;
using Contracts.Clients.Tests.Infrastructure;

namespace Contracts.Clients.Tests;

/// <summary>
/// The rules every spec in specs/ follows (see README): what other teams and NSwag rely on. Each failure names the
/// spec and the place.
/// </summary>
public sealed class SpecConventionTests
{
    public static TheoryData<string> Specs() => new(SpecDocument.Files);

    [Theory]
    [MemberData(nameof(Specs))]
    public void Document_has_version_servers_and_bearer_auth(string file)
    {
        var spec = SpecDocument.Load(file);

        Assert.Equal("3.0.3", (string?)spec["openapi"]);
        Assert.Matches(@"^\d+\.\d+\.\d+$", (string?)spec["info"]!["version"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)spec["info"]!["description"]));
        Assert.NotEmpty(spec["servers"]!.AsArray());
        Assert.True(spec["security"]!.AsArray().Any(s => s!.AsObject().ContainsKey("bearerAuth")), $"{file}: no top-level bearerAuth security");
        var scheme = spec["components"]!["securitySchemes"]!["bearerAuth"]!;
        Assert.Equal("http", (string?)scheme["type"]);
        Assert.Equal("bearer", (string?)scheme["scheme"]);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_operation_is_named_summarized_sourced_and_declares_its_errors(string file)
    {
        var problems = new List<string>();
        var spec = SpecDocument.Load(file);
        var operationIds = new HashSet<string>();

        foreach (var (method, path, operation) in SpecDocument.Operations(spec))
        {
            var where = $"{file}: {method} {path}";
            foreach (var key in new[] { "operationId", "summary", "description", "tags", "x-contracts-source" })
            {
                if (operation[key] is null) problems.Add($"{where}: no {key}");
            }
            if (operation["operationId"] is JsonValue id && !operationIds.Add((string)id!)) problems.Add($"{where}: duplicate operationId {id}");
            if (operation["security"] is not null) problems.Add($"{where}: overrides the spec's bearer auth");

            var responses = operation["responses"]!.AsObject();
            foreach (var status in new[] { "200", "401", "429", "500" })
            {
                if (!responses.ContainsKey(status)) problems.Add($"{where}: no {status} response");
            }
            if (responses.ContainsKey("default")) problems.Add($"{where}: a default response hides which errors exist");
            if (operation["requestBody"] is not null && !responses.ContainsKey("400")) problems.Add($"{where}: has a body but no 400 response");
            if (SchemaOf(responses["200"]!, spec)?["$ref"] is null && SchemaOf(responses["200"]!, spec)?["items"]?["$ref"] is null)
            {
                problems.Add($"{where}: the 200 answer is not a named component");
            }
            if (operation["requestBody"] is { } requestBody && SchemaOf(requestBody, spec)?["$ref"] is null)
            {
                problems.Add($"{where}: the request body is not a named component");
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_schema_is_described_has_an_example_and_no_inline_objects_or_enums(string file)
    {
        var problems = new List<string>();
        var schemas = SpecDocument.Load(file)["components"]!["schemas"]!.AsObject();

        foreach (var (name, schema) in schemas)
        {
            var where = $"{file}: #/components/schemas/{name}";
            if (schema!["description"] is null) problems.Add($"{where}: no description");
            if (!schema.AsObject().ContainsKey("example")) problems.Add($"{where}: no example");
            foreach (var (propertyName, property) in schema["properties"]?.AsObject() ?? [])
            {
                if (property!["$ref"] is null && property["description"] is null) problems.Add($"{where}/properties/{propertyName}: no description");
            }
            FindInlineObjectsAndEnums(schema, where, isRoot: true, problems);
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Vendor_controlled_values_are_open_strings_and_clips_accept_new_fields(string file)
    {
        var problems = new List<string>();
        var schemas = SpecDocument.Load(file)["components"]!["schemas"]!.AsObject();
        string[] vendorControlled = ["status", "mv", "model_name", "major_model_version", "action", "type"];

        foreach (var (name, schema) in schemas)
        {
            foreach (var (propertyName, property) in schema!["properties"]?.AsObject() ?? [])
            {
                if (vendorControlled.Contains(propertyName) && (string?)property!["type"] != "string")
                {
                    problems.Add($"{file}: {name}.{propertyName} is vendor-controlled and must be a plain string");
                }
            }
            if ((name is "Clip" or "ClipMetadata" or "ClipHistoryEntry" || name.EndsWith("Task")) && (string?)schema["additionalProperties"] != "true")
            {
                problems.Add($"{file}: {name} must declare additionalProperties: true (vendors add fields)");
            }
        }

        Assert.Empty(problems);
    }

    private static JsonNode? SchemaOf(JsonNode responseOrBody, JsonObject spec)
    {
        if (responseOrBody["$ref"] is JsonValue reference)
        {
            var name = ((string)reference!).Split('/').Last();
            var section = ((string)reference!).Contains("/responses/") ? "responses" : "requestBodies";
            responseOrBody = spec["components"]![section]![name]!;
        }
        return responseOrBody["content"]?["application/json"]?["schema"];
    }

    private static void FindInlineObjectsAndEnums(JsonNode? node, string where, bool isRoot, List<string> problems)
    {
        if (node is not JsonObject schema) return;
        if (schema.ContainsKey("enum")) problems.Add($"{where}: enum (vendor values are open strings; list them in the description)");
        if (!isRoot && schema["properties"] is not null) problems.Add($"{where}: inline object schema (make it a named component)");
        foreach (var (propertyName, property) in schema["properties"]?.AsObject() ?? [])
        {
            FindInlineObjectsAndEnums(property, $"{where}/properties/{propertyName}", isRoot: false, problems);
        }
        FindInlineObjectsAndEnums(schema["items"], $"{where}/items", isRoot: false, problems);
        FindInlineObjectsAndEnums(schema["additionalProperties"], $"{where}/additionalProperties", isRoot: false, problems);
        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            FindInlineObjectsAndEnums(part, $"{where}/allOf", isRoot: false, problems);
        }
    }
}
