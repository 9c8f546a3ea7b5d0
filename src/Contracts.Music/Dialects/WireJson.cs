using System.Text.Json;

namespace Contracts.Music.Dialects;

/// <summary>
/// Name-based readers for the one kind of body that has no generated type to read it with: an error or an unusable
/// answer, whose shape is whatever the vendor sent (an OpenAI-style <c>{error:{...}}</c>, a FastAPI <c>detail</c> list, a
/// half answer with a task id in it). Every answer that has its dialect's shape is read through the generated types
/// (<see cref="Wire.TolerantJson"/>). A missing or differently typed member is null, never an exception.
/// </summary>
internal static class WireJson
{
    // Through RawJson.Member, which also reads objects whose member names hold escaped lone surrogates.
    public static JsonElement? Member(JsonElement element, string name) =>
        Wire.RawJson.Member(element, name) is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } value ? value : null;

    public static string? String(JsonElement element, string name) => Member(element, name) switch
    {
        { ValueKind: JsonValueKind.String } value => GetString(value),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    private static string? GetString(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate: valid JSON, no valid string.
            return null;
        }
    }
}
