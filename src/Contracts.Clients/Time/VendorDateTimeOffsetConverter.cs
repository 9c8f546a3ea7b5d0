using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contracts.Clients;

/// <summary>
/// Reads and writes <see cref="DateTimeOffset"/> values by <see cref="VendorTime"/>'s rule. Every generated client
/// registers it (their <c>UpdateJsonSerializerSettings</c>, in <c>Custom/</c>), so a strict client accepts exactly the
/// timestamps the specs accept; System.Text.Json alone refuses a space for the <c>T</c>. Values are written in ISO 8601
/// round-trip form.
/// </summary>
public sealed class VendorDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"A timestamp must be a JSON string, not {reader.TokenType}.");
        var text = reader.GetString();
        return VendorTime.TryParse(text, out var value) ? value : throw new JsonException(VendorTime.Describe(text));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}
