using System.Text;
using Contracts.Validation;

namespace Contracts.Music.Tests.Fuzz;

/// <summary>
/// One fuzz input: a sample after its mutations, as text (what the string APIs get) and as bytes (what the stream APIs
/// get: the text's UTF-8, then the byte mutations, if any). <see cref="JsonMutator.Create"/> makes the same case from
/// the same seed every time.
/// </summary>
internal sealed class FuzzCase
{
    private byte[]? _bytes;

    public required int Seed { get; init; }

    public required FuzzSample Sample { get; init; }

    /// <summary>For the reader: the reader the case goes through (the sample's, unless a mutation picked another).</summary>
    public ReaderEntry? Entry { get; init; }

    /// <summary>For the validator: what the case is validated against (the sample's, unless a mutation picked another).</summary>
    public ValidationTarget? Target { get; init; }

    /// <summary>What was done to the sample, in order, in words that say where (JSON Pointer) and what.</summary>
    public required IReadOnlyList<string> Mutations { get; init; }

    public required string Text { get; init; }

    /// <summary>The bytes for the stream APIs: the UTF-8 of <see cref="Text"/> (a lone surrogate becomes U+FFFD), then the byte mutations.</summary>
    public byte[] Bytes
    {
        get => _bytes ??= Encoding.UTF8.GetBytes(Text);
        init => _bytes = value;
    }

    /// <summary>True when a byte mutation made <see cref="Bytes"/> differ from the UTF-8 of <see cref="Text"/>.</summary>
    public bool BytesMutated { get; init; }

    /// <summary>True when <see cref="Text"/> holds a lone surrogate (half of a UTF-16 pair): it is not Unicode text and has no exact UTF-8 form.</summary>
    public bool HasLoneSurrogate => LoneSurrogateIn(Text);

    /// <summary>Everything needed to tell and replay the case.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append($"seed {Seed}, sample {Sample.Name}");
        if (Entry is not null) text.Append($", through {Entry}");
        if (Target is not null) text.Append($", against {Target}");
        text.AppendLine();
        text.AppendLine("mutations:");
        for (var i = 0; i < Mutations.Count; i++)
            text.AppendLine($"  {i + 1}. {Mutations[i]}");
        text.Append($"text ({Text.Length:N0} chars{(BytesMutated ? $", stream bytes mutated: {Bytes.Length:N0} bytes" : "")}): {Excerpt(Text, 400)}");
        return text.ToString();
    }

    /// <summary>A printable excerpt: control characters and surrogates as escapes, long text cut.</summary>
    public static string Excerpt(string text, int max)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Length <= max ? text : text[..max])
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c == '\uFEFF')
                builder.Append($"\\u{(int)c:x4}");
            else
                builder.Append(c);
        }
        if (text.Length > max) builder.Append($"… ({text.Length - max:N0} more chars)");
        return builder.ToString();
    }

    private static bool LoneSurrogateIn(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }
        return false;
    }
}
