using System.Text.Json;
using System.Text.Json.Nodes;

namespace Contracts.Emulator.Pipeline;

/// <summary>
/// Typed reads of a JSON request body. A field of the wrong JSON type is a 400 in the dialect's envelope, as a relay
/// would answer; an absent or null field reads as null.
/// </summary>
internal sealed class BodyReader(JsonObject body)
{
    public JsonObject Node => body;

    public bool Has(string name) => body.ContainsKey(name);

    public string? String(string name) => Value(name, JsonValueKind.String, v => v.GetValue<string>());

    public double? Number(string name) => Value(name, JsonValueKind.Number, v => v.GetValue<double>());

    public bool? Boolean(string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }
        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(name, "a boolean"),
        };
    }

    /// <summary>A nested object (GoAmz <c>input</c>), or an empty reader when absent.</summary>
    public BodyReader Object(string name)
    {
        var node = body[name];
        if (node is null)
        {
            return new BodyReader([]);
        }
        return node is JsonObject nested ? new BodyReader(nested) : throw Wrong(name, "an object");
    }

    public IReadOnlyList<string>? StringArray(string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }
        if (node is not JsonArray array || array.Any(i => i is null || i.GetValueKind() != JsonValueKind.String))
        {
            throw Wrong(name, "an array of strings");
        }
        return array.Select(i => i!.GetValue<string>()).ToArray();
    }

    public void Require(string name)
    {
        if (!body.ContainsKey(name))
        {
            throw new OperationErrorException(OperationError.BadRequest($"invalid request: '{name}' is required"));
        }
    }

    private T? Value<T>(string name, JsonValueKind kind, Func<JsonValue, T> read) where T : struct
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }
        return node is JsonValue value && value.GetValueKind() == kind ? read(value) : throw Wrong(name, kind == JsonValueKind.Number ? "a number" : "a string");
    }

    private string? Value(string name, JsonValueKind kind, Func<JsonValue, string> read)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }
        return node is JsonValue value && value.GetValueKind() == kind ? read(value) : throw Wrong(name, "a string");
    }

    private static OperationErrorException Wrong(string name, string expected)
        => new(OperationError.BadRequest($"invalid request: '{name}' must be {expected}"));
}
