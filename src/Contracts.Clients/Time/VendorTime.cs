using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Contracts.Clients;

/// <summary>
/// The one rule for timestamps sent as text (<c>format: date-time</c> in the specs; see "Timestamps" in the specs'
/// README): a date, <c>T</c> or a space, a time with optional fraction, and an optional offset (<c>Z</c> or
/// <c>±hh:mm</c>); a timestamp without an offset is UTC. RFC 3339 values (<c>2024-04-18T14:29:31.760Z</c>) pass, and so
/// do the forms relays really send (<c>2025-12-09 10:54:16</c>, Go's nine fraction digits). The specs state the rule in
/// every date-time field's description; the validator's date-time check, the generated clients (through
/// <see cref="VendorDateTimeOffsetConverter"/>) and the facade apply it, and a test keeps them in agreement.
/// </summary>
public static partial class VendorTime
{
    /// <summary>Reads <paramref name="text"/> by the rule; false for anything else, including impossible dates.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null)
            return false;
        var match = Shape().Match(text);
        if (!match.Success)
            return false;
        // .NET reads at most seven fraction digits; more (Go writes nine) add nothing it can hold.
        var fraction = match.Groups["fraction"].Value;
        var normalized = string.Concat(
            match.Groups["date"].Value, "T", match.Groups["time"].Value,
            fraction.Length > 8 ? fraction[..8] : fraction,
            match.Groups["offset"].Success ? match.Groups["offset"].Value.ToUpperInvariant() : "Z");
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>Reads <paramref name="text"/> by the rule.</summary>
    /// <exception cref="FormatException">The text does not follow the rule; the message quotes it and states the rule.</exception>
    public static DateTimeOffset Parse(string text) => TryParse(text, out var value)
        ? value
        : throw new FormatException(Describe(text));

    /// <summary>Why <paramref name="text"/> is not a timestamp, in words a reader can act on.</summary>
    public static string Describe(string? text) =>
        $"'{text}' is not a timestamp: expected yyyy-MM-dd, then 'T' or a space, then HH:mm:ss with an optional fraction, then an optional offset ('Z' or ±hh:mm; none means UTC).";

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[Tt ](?<time>\d{2}:\d{2}:\d{2})(?<fraction>\.\d+)?(?<offset>[Zz]|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
