using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Clients.NativeV2;

// CUSTOM: getFeed answers either shape of FeedAnswer (a oneOf in the spec): a bare array of clips or a page object
// {clips, ...}. NSwag types a oneOf by its first branch, so the generated method returns ICollection<Clip>; this
// converter, registered by the client's serializer options, reads both shapes into that collection (the page's paging
// fields are not part of the typed answer).
/// <summary>Reads a feed answer, bare array or page object, as the collection of its clips.</summary>
public sealed class FeedAnswerConverter : JsonConverter<ICollection<Clip>>
{
    /// <inheritdoc />
    public override ICollection<Clip>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.StartArray => JsonSerializer.Deserialize(ref reader, TypeInfo<List<Clip>>(options)),
        // FeedPage.Clips is itself an ICollection<Clip>, read by this converter's array branch.
        JsonTokenType.StartObject => JsonSerializer.Deserialize(ref reader, TypeInfo<FeedPage>(options))?.Clips,
        JsonTokenType.Null => null,
        _ => throw new JsonException($"A feed answer is an array of clips or a page object with 'clips', not {reader.TokenType}."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ICollection<Clip> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToList(), TypeInfo<List<Clip>>(options));

    // Through the options' resolver (source-generated in the client's settings), never reflection: trim- and AOT-safe.
    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
