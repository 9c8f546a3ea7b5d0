using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace Contracts.Validation;

/// <summary>
/// Reads a payload once: System.Text.Json's <see cref="Utf8JsonReader"/> checks the syntax strictly (one value, no
/// comments, no trailing commas, at most <see cref="MaxDepth"/> levels) and says where the text stops being JSON, and
/// its tokens become, in the same pass, the Newtonsoft token tree NJsonSchema validates.
/// </summary>
/// <remarks>
/// The tree is the one Newtonsoft's reader built before (with dates left as strings): a repeated property name keeps
/// its first place and its last value; integers are Int64, or <see cref="BigIntegerValue"/> beyond; other numbers are
/// <c>decimal</c>, which is what NJsonSchema compares with <c>minimum</c>/<c>maximum</c> (a <c>double</c> reaches the
/// comparison rounded to 15 digits, so 100.00000000000001 passed <c>maximum: 100</c>), or <c>double</c> where decimal
/// cannot hold them (beyond ±7.9e28, or so small that decimal would make them 0).
/// </remarks>
internal static class PayloadParser
{
    /// <summary>How many levels arrays and objects may nest: Utf8JsonReader's default, and the most Newtonsoft's reader (and
    /// so this validator) ever read.</summary>
    public const int MaxDepth = 64;

    // One level more for the reader, so that the level over the limit is reported here, with a message that says so.
    private static readonly JsonReaderOptions Strict = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth + 1 };

    /// <summary>Reads <paramref name="payload"/> (a UTF-8 byte order mark is skipped): the token tree, or where and why it is not JSON.</summary>
    public static bool TryParse(PayloadBytes payload, [NotNullWhen(true)] out JToken? token, [NotNullWhen(false)] out MalformedJson? malformed)
    {
        var utf8 = payload.Span;
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }
        token = null;
        malformed = null;
        if (payload.LoneSurrogate is { } surrogate)
        {
            malformed = Malformed(TextPosition.AtOffset(utf8, utf8.Length),
                $"lone surrogate U+{(int)surrogate:X4}: the text holds half of a UTF-16 surrogate pair without the other half, which is not Unicode and cannot be read as JSON");
            return false;
        }
        try
        {
            token = Build(utf8);
            return true;
        }
        catch (JsonException exception)
        {
            malformed = Malformed(TextPosition.AtLine(utf8, exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0), Describe(exception.Message));
        }
        catch (NotJsonException exception)
        {
            malformed = Malformed(TextPosition.AtOffset(utf8, exception.Offset), exception.Message);
        }
        return false;
    }

    private static JToken Build(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, Strict);
        // The containers still open, innermost on top; a loop, not recursion, so depth costs no stack.
        var open = new Stack<JContainer>();
        string? propertyName = null;
        JToken? root = null;
        while (reader.Read())
        {
            JToken token;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    propertyName = ReadString(ref reader);
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    open.Pop();
                    continue;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (reader.CurrentDepth >= MaxDepth)
                    {
                        throw new NotJsonException(reader.TokenStartIndex,
                            $"nesting too deep: arrays and objects may nest {MaxDepth} levels, and this one would be level {reader.CurrentDepth + 1}");
                    }
                    token = reader.TokenType == JsonTokenType.StartObject ? new JObject() : new JArray();
                    break;
                case JsonTokenType.String:
                    token = new JValue(ReadString(ref reader));
                    break;
                case JsonTokenType.Number:
                    token = ReadNumber(ref reader);
                    break;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    token = new JValue(reader.GetBoolean());
                    break;
                default: // Null: the options refuse comments, so no other token comes
                    token = JValue.CreateNull();
                    break;
            }
            if (!open.TryPeek(out var parent))
            {
                root = token;
            }
            else if (parent is JObject obj)
            {
                // As Newtonsoft's reader: a repeated name replaces the earlier property in its place.
                if (!obj.TryAdd(propertyName!, token))
                {
                    obj.Property(propertyName!, StringComparison.Ordinal)!.Replace(new JProperty(propertyName!, token));
                }
            }
            else
            {
                parent.Add(token);
            }
            if (token is JContainer container)
            {
                open.Push(container);
            }
        }
        // The reader refuses an empty payload, so a complete one has a root.
        return root ?? throw new NotJsonException(0, "the payload holds no JSON value");
    }

    private static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = reader.ValueSpan;
            if (JsonStringDecoder.FindInvalidUtf8(raw) is var invalid and >= 0)
            {
                throw new NotJsonException(reader.TokenStartIndex + 1 + invalid,
                    $"invalid UTF-8: byte 0x{raw[invalid]:X2} does not begin or continue a character here; JSON text must be UTF-8");
            }
            return JsonStringDecoder.Unescape(raw);
        }
    }

    private static JValue ReadNumber(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (raw.IndexOfAny(".eE"u8) < 0)
        {
            return reader.TryGetInt64(out var integer)
                ? new JValue(integer)
                : new BigIntegerValue(BigInteger.Parse(Encoding.ASCII.GetString(raw), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }
        if (reader.TryGetDecimal(out var number) && (number != 0 || !HasNonZeroDigit(raw)))
        {
            return new JValue(number);
        }
        // Beyond decimal: a double, which is ±Infinity past its own range (as Newtonsoft read it); NJsonSchema compares
        // a number that does not fit decimal as a double.
        return new JValue(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    // "1e-40" reads as decimal 0; "0.0e5" is 0.
    private static bool HasNonZeroDigit(ReadOnlySpan<byte> number)
    {
        var exponent = number.IndexOfAny("eE"u8);
        return (exponent < 0 ? number : number[..exponent]).IndexOfAnyInRange((byte)'1', (byte)'9') >= 0;
    }

    private static MalformedJson Malformed((int Line, int Column) at, string message) => new(at.Line, at.Column, message);

    // "'c' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0." -> the first part, which says what was expected.
    private static string Describe(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = cut < 0 ? message : message[..cut];
        var path = text.IndexOf(" Path: ", StringComparison.Ordinal);
        return (path < 0 ? text : text[..path]).Trim();
    }

    /// <summary>The payload stops being JSON <see cref="Offset"/> bytes in, for a reason the reader does not report itself.</summary>
    private sealed class NotJsonException(long offset, string message) : Exception(message)
    {
        public long Offset { get; } = offset;
    }
}
