using System.Globalization;
using System.Text;

namespace Contracts.Emulator.Content;

/// <summary>
/// Writes song lyrics and a title from a prompt, deterministically: the prompt's words fill verse and chorus
/// lines, so a caller can recognise its own prompt in the result.
/// </summary>
internal static class LyricsWriter
{
    private static readonly string[] Fallback = ["night", "light", "road", "home"];

    private static readonly string[] StopWords =
        ["the", "and", "for", "with", "about", "song", "that", "this", "from", "into", "your", "our", "are", "was"];

    private static readonly string[] VerseLines =
    [
        "{0} in the morning",
        "Walking with the {1}",
        "Every {2} is calling",
        "Till the {3} is gone",
    ];

    private static readonly string[] ChorusLines =
    [
        "Oh {0}, oh {1}",
        "Carry me along",
        "{2} and {3} forever",
        "This is our song",
    ];

    public static (string Title, string Text) Write(string prompt)
    {
        var words = Words(prompt);
        var title = Title(words);
        var text = new StringBuilder();
        AppendSection(text, "[Verse]", VerseLines, words, 0);
        text.Append('\n');
        AppendSection(text, "[Chorus]", ChorusLines, words, 1);
        text.Append('\n');
        AppendSection(text, "[Verse 2]", VerseLines, words, 2);
        return (title, text.ToString().TrimEnd('\n'));
    }

    /// <summary>A title from the prompt's first words (for description-mode songs and lyrics tasks).</summary>
    public static string TitleFor(string prompt) => Title(Words(prompt));

    private static string[] Words(string prompt)
    {
        var words = prompt
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetter).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 2 && !StopWords.Contains(w))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return words.Length == 0 ? Fallback : words;
    }

    private static string Title(string[] words)
        => string.Join(' ', words.Take(3).Select(Capitalize));

    private static void AppendSection(StringBuilder text, string header, string[] lines, string[] words, int offset)
    {
        text.Append(header).Append('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var args = Enumerable.Range(0, 4).Select(k => (object)words[(offset + i + k) % words.Length]).ToArray();
            var line = string.Format(CultureInfo.InvariantCulture, lines[i], args);
            text.Append(Capitalize(line)).Append('\n');
        }
    }

    private static string Capitalize(string text)
        => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
