using System.Text;
using System.Text.Json;

namespace Contracts.Music.Wire;

/// <summary>
/// One vendor answer as the exact UTF-8 bytes it arrived in. The facade reads its fields from the generated client's
/// typed answer; this keeps the bytes so <c>Raw</c> on the models costs nothing until someone reads it, and then one
/// parse, shared by every model read from the same answer.
/// </summary>
internal sealed class RawJson
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private object? _root;

    public RawJson(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    public static RawJson FromText(string text) => new(Encoding.UTF8.GetBytes(text));

    public ReadOnlyMemory<byte> Utf8 => _utf8;

    /// <summary>The body as text, for error messages (decoded on each call; error paths only).</summary>
    public string Text => Encoding.UTF8.GetString(_utf8.Span);

    /// <summary>The parsed body; an undefined element when it is not JSON. Parsed once, on first use.</summary>
    public JsonElement Root
    {
        get
        {
            if (_root is StrongBox cached)
                return cached.Value;
            var parsed = new StrongBox(Parse(_utf8));
            return ((StrongBox)(Interlocked.CompareExchange(ref _root, parsed, null) ?? parsed)).Value;
        }
    }

    /// <summary>A member of an object, or an undefined element.</summary>
    public static JsonElement Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>An array item, or an undefined element.</summary>
    public static JsonElement Item(JsonElement element, int index) =>
        element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength() ? element[index] : default;

    private static JsonElement Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            var span = utf8.Span;
            // A UTF-8 byte order mark is not JSON; JsonDocument skips it, the reader does not.
            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                span = span[3..];
            var reader = new Utf8JsonReader(span, new JsonReaderOptions { MaxDepth = 256 });
            // ParseValue gives an element that owns its data and needs no disposal.
            return JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private sealed class StrongBox(JsonElement value)
    {
        public JsonElement Value { get; } = value;
    }
}

/// <summary>Where a model's raw JSON is: resolved only when <c>Raw</c> is read.</summary>
internal delegate JsonElement RawLocator();

/// <summary>A model's raw JSON: given as it is, or found in the answer's bytes when first read.</summary>
internal readonly struct LazyRaw
{
    private readonly JsonElement _value;
    private readonly RawLocator? _locate;

    public LazyRaw(JsonElement value) => _value = value;

    public LazyRaw(RawLocator locate) => _locate = locate;

    public JsonElement Value => _locate is null ? _value : _locate();
}
