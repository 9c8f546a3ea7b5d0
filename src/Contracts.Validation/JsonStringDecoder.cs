using System.Buffers;
using System.Globalization;
using System.Text;

namespace Contracts.Validation;

/// <summary>
/// Reads a JSON string's raw text where System.Text.Json's <c>GetString</c> refuses it: says where its bytes stop being
/// UTF-8, and reads an escaped lone surrogate (<c>"\ud83d"</c>, half of a UTF-16 pair) as U+FFFD, the replacement
/// character. The grammar allows such an escape (RFC 8259, section 8.2) and JavaScript's <c>JSON.stringify</c> writes one
/// for a string cut inside an emoji, so a payload holding one is JSON, not malformed; U+FFFD is what Newtonsoft's reader,
/// which read payloads before, made of it.
/// </summary>
internal static class JsonStringDecoder
{
    /// <summary>The offset of the first byte in <paramref name="raw"/> that is not part of a UTF-8 character, or -1.</summary>
    public static int FindInvalidUtf8(ReadOnlySpan<byte> raw)
    {
        var offset = 0;
        while (offset < raw.Length)
        {
            if (Rune.DecodeFromUtf8(raw[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return -1;
    }

    /// <summary>Unescapes <paramref name="raw"/>: valid UTF-8 whose escapes the reader has already checked.</summary>
    public static string Unescape(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder(raw.Length);
        while (true)
        {
            var backslash = raw.IndexOf((byte)'\\');
            text.Append(Encoding.UTF8.GetString(backslash < 0 ? raw : raw[..backslash]));
            if (backslash < 0)
            {
                return text.ToString();
            }
            raw = raw[backslash..];
            if (TryReadUtf16Escape(raw, out var unit))
            {
                raw = raw[6..];
                if (char.IsHighSurrogate(unit) && TryReadUtf16Escape(raw, out var low) && char.IsLowSurrogate(low))
                {
                    text.Append(unit).Append(low);
                    raw = raw[6..];
                }
                else
                {
                    text.Append(char.IsSurrogate(unit) ? '\uFFFD' : unit);
                }
                continue;
            }
            text.Append(raw[1] switch
            {
                (byte)'b' => '\b',
                (byte)'f' => '\f',
                (byte)'n' => '\n',
                (byte)'r' => '\r',
                (byte)'t' => '\t',
                var other => (char)other, // \" \\ \/ stand for the character itself
            });
            raw = raw[2..];
        }
    }

    // \uXXXX at the start of raw.
    private static bool TryReadUtf16Escape(ReadOnlySpan<byte> raw, out char unit)
    {
        unit = default;
        if (raw.Length < 6 || raw[0] != (byte)'\\' || raw[1] != (byte)'u'
            || !ushort.TryParse(raw.Slice(2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }
        unit = (char)code;
        return true;
    }
}
