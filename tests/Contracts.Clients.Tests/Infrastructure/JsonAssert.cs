using System.Text.Json.Nodes;

namespace Contracts.Clients.Tests.Infrastructure;

internal static class JsonAssert
{
    /// <summary>Asserts two JSON texts hold the same data (same members, same values; order and spacing aside).</summary>
    public static void Equivalent(string expectedJson, string actualJson)
    {
        var expected = JsonNode.Parse(expectedJson);
        var actual = JsonNode.Parse(actualJson);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"JSON differs.\nExpected: {expected?.ToJsonString()}\nActual:   {actual?.ToJsonString()}");
    }

    /// <summary>The member names of a JSON object, sorted, to compare a wire body's field names with a documented one.</summary>
    public static string[] MemberNames(string json)
        => JsonNode.Parse(json)!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Parses <paramref name="json"/>, lets <paramref name="edit"/> change it, and returns the new text.</summary>
    public static string Edit(string json, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(json)!;
        edit(node);
        return node.ToJsonString();
    }
}
