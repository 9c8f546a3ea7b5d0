using System.Buffers;
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
    private readonly string? _text;
    private ReadOnlyMemory<byte> _utf8;
    private object? _root;

    public RawJson(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    private RawJson(string text, ReadOnlyMemory<byte> borrowed)
    {
        _text = text;
        _utf8 = borrowed;
    }

    /// <summary>
    /// Runs <paramref name="read"/> over <paramref name="text"/> as UTF-8 in a pooled buffer: a saved payload given as a
    /// string is not copied to a new array; the models read from it keep the string for <c>Raw</c>.
    /// </summary>
    public static T Read<T>(string text, Func<RawJson, T> read)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            var raw = new RawJson(text, buffer.AsMemory(0, length));
            try
            {
                return read(raw);
            }
            finally
            {
                // The buffer goes back to the pool: from now on Raw is parsed from the string.
                raw._utf8 = default;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The bytes: the answer as it arrived, or a saved payload's while it is being read.</summary>
    public ReadOnlyMemory<byte> Utf8 => _utf8;

    /// <summary>The body as text, for error messages (decoded on each call: error paths only).</summary>
    public string Text => _text ?? Encoding.UTF8.GetString(_utf8.Span);

    /// <summary>The parsed body; an undefined element when it is not JSON. Parsed once, on first use.</summary>
    public JsonElement Root
    {
        get
        {
            if (_root is StrongBox cached)
                return cached.Value;
            var parsed = new StrongBox(_utf8.IsEmpty && _text is not null ? Parse(_text) : Parse(_utf8));
            return ((StrongBox)(Interlocked.CompareExchange(ref _root, parsed, null) ?? parsed)).Value;
        }
    }

    /// <summary>A member of an object, or an undefined element.</summary>
    public static JsonElement Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>An array item, or an undefined element.</summary>
    public static JsonElement Item(JsonElement element, int index) =>
        element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength() ? element[index] : default;

    private static JsonElement Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

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

/// <summary>
/// A URL read from an answer: kept as sent and parsed into a <see cref="Uri"/> when first read (parsing every URL of
/// every clip costs more than the rest of normalizing it). Absolute URLs only; anything else reads as null.
/// </summary>
internal struct LazyUrl
{
    private static readonly object s_none = new();
    private object? _state;

    public LazyUrl(string? text) => _state = text;

    public LazyUrl(Uri? url) => _state = url;

    public Uri? Value
    {
        get
        {
            // One reference holds the state (the text, the parsed URL, or "none"), so a race parses twice at worst.
            switch (_state)
            {
                case Uri url:
                    return url;
                case string text:
                    var parsed = !string.IsNullOrEmpty(text) && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
                    _state = (object?)parsed ?? s_none;
                    return parsed;
                default:
                    return null;
            }
        }
    }
}

/// <summary>A value worked out from the answer when first read, once, and shared by the models that show it.</summary>
internal sealed class LazyValue<T>(Func<T> read)
{
    private object? _value;

    public T Value
    {
        get
        {
            if (_value is Box box)
                return box.Item;
            var computed = new Box(read());
            return ((Box)(Interlocked.CompareExchange(ref _value, computed, null) ?? computed)).Item;
        }
    }

    private sealed class Box(T item)
    {
        public T Item { get; } = item;
    }
}
