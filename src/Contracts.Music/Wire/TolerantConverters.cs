using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Music.Wire;

// The converters behind TolerantJson. Each one knows the member it reads ("ClipMetadata.duration") so drift says where.
// Readers are entered on the member's first token and must leave on its last one, whatever the token was.

/// <summary>A text member: a number or boolean is kept as its text (drift); an object or array is null (drift).</summary>
internal sealed class TolerantString(string member) : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    // An escaped lone surrogate ("\ud800") is valid JSON but no .NET string can hold it.
                    DriftLog.Report(member, MusicDriftKind.OutOfRange, "a string with invalid UTF-16", "text");
                    return null;
                }
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                var text = Tolerant.RawText(ref reader);
                DriftLog.Report(member, MusicDriftKind.UnexpectedType, Tolerant.Describe(ref reader), "string");
                return text;
            default:
                DriftLog.Report(member, MusicDriftKind.UnexpectedType, Tolerant.Describe(ref reader), "string");
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}

/// <summary>A nullable scalar member (number, boolean, timestamp): what cannot be read as one is null (drift).</summary>
internal sealed class TolerantNullable<T>(string member) : JsonConverter<T?> where T : struct
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Tolerant.TryRead<T>(ref reader, member, out var value) ? value : null;

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is { } some) JsonSerializer.Serialize(writer, some, TolerantJson.TypeInfo<T>(Tolerant.Strict));
        else writer.WriteNullValue();
    }
}

/// <summary>A non-nullable scalar member: what cannot be read is the type's default (drift).</summary>
internal sealed class TolerantValue<T>(string member) : JsonConverter<T> where T : struct
{
    public override bool HandleNull => true;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType != JsonTokenType.Null && Tolerant.TryRead<T>(ref reader, member, out var value) ? value : default;

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => JsonSerializer.Serialize(writer, value, TolerantJson.TypeInfo<T>(Tolerant.Strict));
}

/// <summary>An object member of a generated type: anything but an object is null (drift).</summary>
internal sealed class TolerantObject<T>(string member) : JsonConverter<T?> where T : class
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType == JsonTokenType.StartObject)
            return JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
        DriftLog.Report(member, MusicDriftKind.UnexpectedType, Tolerant.Describe(ref reader), "object");
        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }
}

/// <summary>
/// An array member: anything but an array is null (drift); an item of the wrong kind is a null item (drift), kept in
/// place so that item indexes still match the raw JSON.
/// </summary>
internal sealed class TolerantList<T>(string member) : JsonConverter<ICollection<T?>?> where T : class
{
    private readonly JsonConverter? _item = typeof(T) == typeof(string) ? new TolerantString(member + "[]") : null;

    public override bool HandleNull => true;

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsAssignableFrom(typeof(List<T?>));

    public override ICollection<T?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            DriftLog.Report(member, MusicDriftKind.UnexpectedType, Tolerant.Describe(ref reader), "array");
            reader.Skip();
            return null;
        }
        var items = new List<T?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            items.Add(_item is TolerantString text ? (T?)(object?)text.Read(ref reader, typeof(string), options) : Tolerant.ReadItem<T>(ref reader, member, options));
        return items;
    }

    public override void Write(Utf8JsonWriter writer, ICollection<T?>? value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize<ICollection<T?>?>(writer, value?.ToList(), TolerantJson.TypeInfo<ICollection<T?>?>(options));
}

/// <summary>An object member read as a map (GoAmz clips keyed by id): an entry of the wrong kind is left out (drift).</summary>
internal sealed class TolerantMap<T>(string member) : JsonConverter<IDictionary<string, T>?> where T : class
{
    public override bool HandleNull => true;

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsAssignableFrom(typeof(Dictionary<string, T>));

    public override IDictionary<string, T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            DriftLog.Report(member, MusicDriftKind.UnexpectedType, Tolerant.Describe(ref reader), "object");
            reader.Skip();
            return null;
        }
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (Tolerant.ReadItem<T>(ref reader, member, options) is { } item)
                map[key] = item;
        }
        return map;
    }

    public override void Write(Utf8JsonWriter writer, IDictionary<string, T>? value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, TolerantJson.TypeInfo<IDictionary<string, T>?>(options));
}

/// <summary>
/// A member the spec leaves untyped (<see cref="System.Text.Json.Nodes.JsonNode"/>): kept as sent, whatever it holds,
/// its strings decoded only when read. System.Text.Json's own converter decodes a string at once and fails on an
/// escaped lone surrogate, which would fail the whole answer for a member the facade never reads.
/// </summary>
internal sealed class TolerantNode : JsonConverter<System.Text.Json.Nodes.JsonNode?>
{
    public static TolerantNode Instance { get; } = new();

    public override bool HandleNull => true;

    public override System.Text.Json.Nodes.JsonNode? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        var element = JsonElement.ParseValue(ref reader);
        return element.ValueKind switch
        {
            JsonValueKind.Object => System.Text.Json.Nodes.JsonObject.Create(element),
            JsonValueKind.Array => System.Text.Json.Nodes.JsonArray.Create(element),
            _ => System.Text.Json.Nodes.JsonValue.Create(element),
        };
    }

    public override void Write(Utf8JsonWriter writer, System.Text.Json.Nodes.JsonNode? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else value.WriteTo(writer, options);
    }
}

/// <summary>The scalar rules shared by the converters.</summary>
internal static class Tolerant
{
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    /// <summary>Default options, for writing scalars (source-generated metadata, see <see cref="WireJson"/>).</summary>
    public static JsonSerializerOptions Strict { get; } = WireJson.Default.Options;

    public static T? ReadItem<T>(ref Utf8JsonReader reader, string member, JsonSerializerOptions options) where T : class
    {
        if (reader.TokenType == JsonTokenType.StartObject)
            return JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
        if (reader.TokenType != JsonTokenType.Null)
            DriftLog.Report(member + "[]", MusicDriftKind.UnexpectedType, Describe(ref reader), "object");
        reader.Skip();
        return null;
    }

    public static bool TryRead<T>(ref Utf8JsonReader reader, string member, out T value) where T : struct
    {
        // The common case first, without boxing: (T)(object)x is free when T is the value's own type.
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when typeof(T) == typeof(int):
                if (reader.TryGetInt32(out var i)) { value = (T)(object)i; return true; }
                break;
            case JsonTokenType.Number when typeof(T) == typeof(long):
                if (reader.TryGetInt64(out var l)) { value = (T)(object)l; return true; }
                break;
            case JsonTokenType.Number when typeof(T) == typeof(double):
                if (reader.TryGetDouble(out var d) && double.IsFinite(d)) { value = (T)(object)d; return true; }
                break;
            case JsonTokenType.True or JsonTokenType.False when typeof(T) == typeof(bool):
                value = (T)(object)reader.GetBoolean();
                return true;
            case JsonTokenType.String when typeof(T) == typeof(DateTimeOffset):
                if (Contracts.Clients.VendorTime.TryParse(GetStringOrNull(ref reader), out var time)) { value = (T)(object)time; return true; }
                break;
        }
        return TryReadDrifted(ref reader, member, out value);
    }

    /// <summary>Everything that is not what the spec says: converted where still usable, always reported.</summary>
    private static bool TryReadDrifted<T>(ref Utf8JsonReader reader, string member, out T value) where T : struct
    {
        var expected = typeof(T) == typeof(int) || typeof(T) == typeof(long) ? "integer" : typeof(T) == typeof(double) ? "number"
            : typeof(T) == typeof(bool) ? "boolean" : "date-time text";
        object? result = null;
        var kind = MusicDriftKind.UnexpectedType;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when typeof(T) == typeof(DateTimeOffset):
                // Unix seconds or milliseconds where the spec has date-time text: usable, and still drift.
                result = reader.TryGetInt64(out var unix) ? FromUnix(unix) : null;
                if (result is null) kind = MusicDriftKind.OutOfRange;
                break;
            case JsonTokenType.Number when typeof(T) != typeof(bool):
                // A number of the right kind that does not fit: 1e300 for an integer, NaN is not JSON but 1e400 is infinity.
                kind = MusicDriftKind.OutOfRange;
                break;
            case JsonTokenType.String when typeof(T) == typeof(DateTimeOffset):
                kind = MusicDriftKind.OutOfRange;
                break;
            case JsonTokenType.String:
                // Readable text where the spec has a number or boolean ("120", "true"): usable, and still drift.
                result = ParseText<T>(GetStringOrNull(ref reader));
                break;
        }
        DriftLog.Report(member, kind, Describe(ref reader), expected);
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            reader.Skip();
        if (result is T typed)
        {
            value = typed;
            return true;
        }
        value = default;
        return false;
    }

    private static string? GetStringOrNull(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // Escaped lone surrogates: valid JSON, no valid string.
            return null;
        }
    }

    private static object? ParseText<T>(string? text)
    {
        if (text is null) return null;
        var invariant = CultureInfo.InvariantCulture;
        if (typeof(T) == typeof(int)) return int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? i : null;
        if (typeof(T) == typeof(long)) return long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? l : null;
        if (typeof(T) == typeof(double)) return double.TryParse(text, NumberStyles.Float, invariant, out var d) && double.IsFinite(d) ? d : null;
        if (typeof(T) == typeof(bool)) return bool.TryParse(text, out var b) ? b : null;
        return null;
    }

    /// <summary>Unix seconds, or milliseconds when too large for seconds, up to the year 9999; otherwise null.</summary>
    public static DateTimeOffset? FromUnix(long value) => value <= 0 || value > MaxUnixMilliseconds
        ? null
        : value < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(value) : DateTimeOffset.FromUnixTimeMilliseconds(value);

    /// <summary>The token's JSON text (numbers and literals).</summary>
    public static string RawText(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);

    /// <summary>What arrived, for drift: the JSON type and, for scalars, the value.</summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string " + Quote(ref reader),
        JsonTokenType.Number => "number " + RawText(ref reader),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => reader.TokenType.ToString(),
    };

    // Not cut here: the drift log masks the API key out of it first and cuts it after, so no part of a key survives.
    private static string Quote(ref Utf8JsonReader reader) => "\"" + RawText(ref reader) + "\"";
}
