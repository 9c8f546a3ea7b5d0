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
            // A byte order mark is not part of the JSON: every reader of the bytes (the shape scan, the typed read, the
            // error path's parse) sees the payload without it.
            var start = JsonShape.BomLength(buffer.AsSpan(0, length));
            JsonShape.RepairEscapedNames(buffer.AsSpan(start, length - start));
            var raw = new RawJson(text, buffer.AsMemory(start, length - start));
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
    public static JsonElement Member(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return default;
        try
        {
            return element.TryGetProperty(name, out var value) ? value : default;
        }
        catch (InvalidOperationException)
        {
            // A member name with an escaped lone surrogate ("\ud800x") cannot be compared as text; it is not the one
            // sought, and the others still are (the last of a repeated name, as TryGetProperty and the typed read take it).
            JsonElement found = default;
            foreach (var member in element.EnumerateObject())
            {
                try
                {
                    if (member.NameEquals(name))
                        found = member.Value;
                }
                catch (InvalidOperationException)
                {
                }
            }
            return found;
        }
    }

    /// <summary>
    /// An array of <paramref name="items"/> as they were sent: each item's JSON bytes copied as they are (an undefined
    /// item is null). Serializing the elements instead would decode and re-encode every string, and fail on what JSON allows but
    /// a .NET string cannot hold (an escaped lone surrogate) or nesting past the serializer's depth.
    /// </summary>
    public static JsonElement Array(IEnumerable<JsonElement> items)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                if (item.ValueKind == JsonValueKind.Undefined)
                    writer.WriteNullValue();
                else
                    // Each item was read as JSON already: checking its bytes again would only cost time.
                    writer.WriteRawValue(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(item), skipInputValidation: true);
            }
            writer.WriteEndArray();
        }
        var reader = new Utf8JsonReader(buffer.WrittenSpan, new JsonReaderOptions { MaxDepth = 257 });
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>An array item, or an undefined element.</summary>
    public static JsonElement Item(JsonElement element, int index) =>
        element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength() ? element[index] : default;

    /// <summary>
    /// A saved payload's text, parsed from the same bytes its models were read from (see <see cref="Read{T}"/>): its
    /// UTF-8 with a lone surrogate (no UTF-8 form) as U+FFFD, without a byte order mark, member names repaired
    /// (<see cref="JsonShape.RepairEscapedNames"/>). <see cref="JsonDocument"/> would refuse the first with an
    /// <see cref="ArgumentException"/> and the second as not JSON, and the last would make every lookup in Raw throw.
    /// </summary>
    private static JsonElement Parse(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            var start = JsonShape.BomLength(buffer.AsSpan(0, length));
            JsonShape.RepairEscapedNames(buffer.AsSpan(start, length - start));
            return Parse(buffer.AsMemory(start, length - start));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static JsonElement Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            // A UTF-8 byte order mark is not JSON: the reader (and JsonDocument, given bytes) refuses it.
            var span = JsonShape.WithoutBom(utf8.Span);
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
