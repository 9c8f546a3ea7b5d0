using System.Text;

namespace Contracts.Validation;

/// <summary>
/// Line and column of a place in a payload's UTF-8 bytes, as a person sees them in an editor: 1-based, lines split at
/// <c>\n</c>, the column counted in characters (UTF-16 code units) where System.Text.Json counts bytes.
/// </summary>
internal static class TextPosition
{
    /// <summary>The place <paramref name="offset"/> bytes into <paramref name="utf8"/>.</summary>
    public static (int Line, int Column) AtOffset(ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8[..(int)Math.Clamp(offset, 0, utf8.Length)];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, Column(before[lineStart..]));
    }

    /// <summary>The place a <see cref="System.Text.Json.JsonException"/> names: a 0-based line and a byte position within it.</summary>
    public static (int Line, int Column) AtLine(ReadOnlySpan<byte> utf8, long lineIndex, long bytesInLine)
    {
        var line = utf8;
        for (var i = 0; i < lineIndex; i++)
        {
            var next = line.IndexOf((byte)'\n');
            if (next < 0) break;
            line = line[(next + 1)..];
        }
        var end = line.IndexOf((byte)'\n');
        if (end >= 0) line = line[..end];
        return ((int)lineIndex + 1, Column(line[..(int)Math.Clamp(bytesInLine, 0, line.Length)]));
    }

    // A prefix that ends inside a multi-byte character counts that character once (as its replacement).
    private static int Column(ReadOnlySpan<byte> linePrefix) => Encoding.UTF8.GetCharCount(linePrefix) + 1;
}
