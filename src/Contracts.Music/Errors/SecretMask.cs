using System.Text;
using System.Text.RegularExpressions;

namespace Contracts.Music.Errors;

/// <summary>
/// Masks the API key out of text headed for a message: as it is, and as a vendor may echo it back inside JSON or a URL
/// (each character possibly escaped as <c>\u002B</c>, <c>\/</c> or <c>%2B</c>, in either case of hex).
/// </summary>
internal sealed class SecretMask
{
    private const string Masked = "***";
    private readonly string _key;
    private readonly Regex? _anyForm;

    public SecretMask(string key)
    {
        _key = key;
        if (key.Length == 0)
            return;
        var pattern = new StringBuilder();
        foreach (var c in key)
        {
            var hex = ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture);
            pattern.Append("(?:").Append(Regex.Escape(c.ToString())).Append(@"|\\u(?i:").Append(hex).Append(')');
            if (c < 128)
                pattern.Append("|%(?i:").Append(hex[2..]).Append(')');
            if (c == '/')
                pattern.Append(@"|\\/");
            pattern.Append(')');
        }
        // Escapes match with hex digits in either case; the key's own characters match exactly.
        _anyForm = new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary><paramref name="text"/> with every form of the key replaced by <c>***</c>.</summary>
    public string? Mask(string? text)
    {
        if (text is null || _anyForm is null)
            return text;
        var plain = text.Replace(_key, Masked, StringComparison.Ordinal);
        return _anyForm.Replace(plain, Masked);
    }

    /// <summary>True when <paramref name="text"/> holds the key in any form.</summary>
    public bool Appears(string? text) => text is not null && _anyForm is not null && (text.Contains(_key, StringComparison.Ordinal) || _anyForm.IsMatch(text));
}
