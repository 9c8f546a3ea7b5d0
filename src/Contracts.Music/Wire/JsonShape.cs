using System.Text.Json;

namespace Contracts.Music.Wire;

/// <summary>
/// Token-level looks at a body without building anything: which answer a saved payload is (a task, a list, lyrics, a
/// submit answer) before it is read into the matching generated type (over HTTP the operation says which), whether an
/// answer holds an error member the generated type lacks, and the repair of member names no .NET string can hold.
/// The scans stop at the first member that decides, so they cost a fraction of a parse.
/// </summary>
internal static class JsonShape
{
    /// <summary>The UTF-8 byte order mark.</summary>
    public static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> json) => json.StartsWith(Bom) ? json[3..] : json;

    /// <summary>
    /// How many leading bytes of a saved payload are its byte order mark, to be cut before anything reads it: 3, or 0
    /// without one. A payload with two marks keeps both: the scans and reads that skip a mark of their own
    /// (<see cref="WithoutBom"/>) then still meet the second one and find the payload is not JSON, as it is not.
    /// </summary>
    public static int BomLength(ReadOnlySpan<byte> json) => json.StartsWith(Bom) && !json[Bom.Length..].StartsWith(Bom) ? Bom.Length : 0;

    /// <summary>Reads <paramref name="json"/> to its end (after a byte order mark), 256 levels deep at most.</summary>
    /// <exception cref="JsonException">The text is not JSON: says where it stops being JSON.</exception>
    public static void EnsureJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(WithoutBom(json), new JsonReaderOptions { MaxDepth = 256 });
        while (reader.Read())
        {
        }
    }

    /// <summary>The first token: StartObject, StartArray, or None when the text is empty or not JSON.</summary>
    public static JsonTokenType Root(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(WithoutBom(json));
        try
        {
            return reader.Read() ? reader.TokenType : JsonTokenType.None;
        }
        catch (JsonException)
        {
            return JsonTokenType.None;
        }
    }

    /// <summary>
    /// Which of <paramref name="names"/> (bit i for names[i]) are members of the root object (or, with
    /// <paramref name="container"/>, of the object in that root member), with their value kinds. The scan stops at
    /// <c>names[0]</c>, the member that decides on its own (list it first).
    /// </summary>
    public static (int Present, JsonTokenType[] Kinds) Members(ReadOnlySpan<byte> json, string? container, params ReadOnlySpan<string> names)
    {
        var kinds = new JsonTokenType[names.Length];
        var present = 0;
        var reader = new Utf8JsonReader(WithoutBom(json), new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return (0, kinds);
            if (container is not null && (!SeekMember(ref reader, container) || !reader.Read() || reader.TokenType != JsonTokenType.StartObject))
                return (0, kinds);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = -1;
                for (var i = 0; i < names.Length && match < 0; i++)
                    if (NameIs(ref reader, names[i])) match = i;
                reader.Read();
                if (match >= 0 && (present & (1 << match)) == 0)
                {
                    present |= 1 << match;
                    kinds[match] = reader.TokenType;
                    if (match == 0)
                        break;
                }
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return (present, kinds);
    }

    /// <summary>How many members the root object has (0 for anything else); stops counting past <paramref name="max"/>.</summary>
    public static int MemberCount(ReadOnlySpan<byte> json, int max)
    {
        var reader = new Utf8JsonReader(WithoutBom(json), new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return 0;
            var count = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && count <= max)
            {
                count++;
                reader.Read();
                reader.Skip();
            }
            return count;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Rewrites, in place, each escaped lone surrogate in a member name (<c>"\ud800x"</c>: valid JSON, but half of a
    /// UTF-16 pair that no .NET string holds) as <c>\uFFFD</c>, the replacement character, of the same length. Such a
    /// name can be no member the specs declare, and now reads as the unknown member it is: unrepaired, System.Text.Json
    /// cannot even look it up, and the whole payload would fail as if it were not JSON. Values are left as they are
    /// (their converters read such a string as null and report it). Costs one search unless the text has an escaped
    /// surrogate at all.
    /// </summary>
    public static void RepairEscapedNames(Span<byte> json)
    {
        if (json.IndexOf("\\ud"u8) < 0 && json.IndexOf("\\uD"u8) < 0)
            return;
        // Where the other scans start: after a byte order mark (a second one, in a payload that had two).
        json = json.StartsWith(Bom) ? json[Bom.Length..] : json;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueIsEscaped && !reader.HasValueSequence)
                    RepairLoneSurrogates(json.Slice((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length));
            }
        }
        catch (JsonException)
        {
            // Not JSON from here on: the read says so, where it stops.
        }
    }

    /// <summary>In one escaped string's bytes, every <c>\uD800</c>-<c>\uDFFF</c> escape that is not half of a pair becomes <c>\uFFFD</c>.</summary>
    private static void RepairLoneSurrogates(Span<byte> text)
    {
        var i = 0;
        while (i < text.Length - 1)
        {
            if (text[i] != (byte)'\\')
            {
                i++;
                continue;
            }
            if (text[i + 1] != (byte)'u' || !TryReadEscape(text[i..], out var unit))
            {
                // \" \\ \/ \b \f \n \r \t: two bytes, never the start of a \u escape.
                i += 2;
                continue;
            }
            if (char.IsHighSurrogate(unit) && TryReadEscape(text[(i + 6)..], out var low) && char.IsLowSurrogate(low))
            {
                i += 12;
                continue;
            }
            if (char.IsSurrogate(unit))
                "FFFD"u8.CopyTo(text.Slice(i + 2, 4));
            i += 6;
        }
    }

    // \uXXXX at the start of text (the reader has checked that the four are hex digits).
    private static bool TryReadEscape(ReadOnlySpan<byte> text, out char unit)
    {
        unit = default;
        if (text.Length < 6 || text[0] != (byte)'\\' || text[1] != (byte)'u'
            || !ushort.TryParse(text.Slice(2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code))
            return false;
        unit = (char)code;
        return true;
    }

    /// <summary>Whether the current member name is <paramref name="name"/>; a name with an escaped lone surrogate is no name sought.</summary>
    private static bool NameIs(ref Utf8JsonReader reader, string name)
    {
        try
        {
            return reader.ValueTextEquals(name);
        }
        catch (InvalidOperationException)
        {
            // "\ud800x": valid JSON that no .NET string holds (RepairEscapedNames rewrites these in saved payloads).
            return false;
        }
    }

    private static bool SeekMember(ref Utf8JsonReader reader, string name)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
            {
                if (NameIs(ref reader, name))
                    return true;
                reader.Read();
                reader.Skip();
            }
        }
        return false;
    }
}
