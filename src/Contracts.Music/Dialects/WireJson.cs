using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Music.Dialects;

/// <summary>Small, forgiving readers over raw vendor JSON: a missing or differently typed member is null, never an exception.</summary>
internal static class WireJson
{
    /// <summary>
    /// Serializer options for the generated clients inside the facade: required members may be missing and numbers
    /// may arrive as strings. The generated clients stay strict for their direct users; the facade reads whatever a
    /// vendor sends that still has the dialect's shape.
    /// </summary>
    public static JsonSerializerOptions Tolerant { get; } = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
        // The specs' one timestamp rule, as the strict clients read it (Contracts.Clients.VendorTime).
        // getFeed's two answer shapes, as the strict native client reads them.
        Converters = { new Contracts.Clients.VendorDateTimeOffsetConverter(), new Contracts.Clients.NativeV2.FeedAnswerConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                static info =>
                {
                    foreach (var property in info.Properties)
                        property.IsRequired = false;
                },
                // The native page's explicit nulls, as the strict client writes them.
                Contracts.Clients.NativeV2.GenerateRequestNulls.Modifier,
            },
        },
    };

    public static JsonElement? Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? String(JsonElement element, string name) => Member(element, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    public static double? Number(JsonElement element, string name) => Member(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        { ValueKind: JsonValueKind.String } value when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>An absolute URL, or null for a missing, empty or relative value.</summary>
    public static Uri? Url(JsonElement element, string name) =>
        String(element, name) is { Length: > 0 } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    /// <summary>A timestamp whatever the wire format: ISO 8601 text, or unix seconds (milliseconds when too large for seconds).</summary>
    public static DateTimeOffset? Time(JsonElement element, string name) => Member(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var unix) => FromUnix(unix),
        // A fractional or huge number: cast only what FromUnix can use (a cast of an out-of-range double is undefined).
        { ValueKind: JsonValueKind.Number } value when value.GetDouble() is > 0 and <= MaxUnixMilliseconds and var d => FromUnix((long)d),
        { ValueKind: JsonValueKind.String } value => ParseTime(value.GetString()),
        _ => null,
    };

    /// <summary>Parses a JSON text into a detached element, or null when it is not JSON.</summary>
    public static JsonElement? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset? ParseTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix))
            return FromUnix(unix);
        // The specs' one rule for timestamps as text (Contracts.Clients.VendorTime); no offset means UTC.
        return Contracts.Clients.VendorTime.TryParse(text, out var time) ? time.ToUniversalTime() : null;
    }

    // Unix seconds stay below 10^11 until the year 5138; anything larger is milliseconds, up to the year 9999, the last
    // that DateTimeOffset holds; beyond that it is no time at all, so null rather than an exception.
    private static DateTimeOffset? FromUnix(long value) => value <= 0 || value > MaxUnixMilliseconds
        ? null
        : value < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(value) : DateTimeOffset.FromUnixTimeMilliseconds(value);

    private const long MaxUnixMilliseconds = 253_402_300_799_999;
}
