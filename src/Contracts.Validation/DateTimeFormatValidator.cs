using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace Contracts.Validation;

/// <summary>
/// <c>format: date-time</c> by the specs' timestamp rule (specs/README.md, "Timestamps"): RFC 3339
/// (<c>2024-04-18T14:29:31.760Z</c>), where relays may also send a space for the <c>T</c> and leave out the offset
/// (none means UTC). The generated clients read timestamps by the same rule (<c>Contracts.Clients.VendorTime</c>; this
/// package does not depend on the clients, so the rule is written here too, and a test keeps the two in agreement).
/// NJsonSchema 11.6.2's own date-time check (re-measured after the upgrade from 10.7.2) rejects "yesterday" but
/// accepts a date alone ("2024-04-18"), which is not a date-time.
/// </summary>
internal sealed partial class DateTimeFormatValidator : IFormatValidator
{
    public string Format => "date-time";

    public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateTimeExpected;

    public bool IsValid(string value, JTokenType tokenType)
    {
        var match = Shape().Match(value);
        if (!match.Success)
            return false;
        // .NET reads at most seven fraction digits; the calendar check needs no more.
        var fraction = match.Groups["fraction"].Value;
        var normalized = string.Concat(match.Groups["date"].Value, "T", match.Groups["time"].Value,
            fraction.Length > 8 ? fraction[..8] : fraction,
            match.Groups["offset"].Success ? match.Groups["offset"].Value.ToUpperInvariant() : "Z");
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[Tt ](?<time>\d{2}:\d{2}:\d{2})(?<fraction>\.\d+)?(?<offset>[Zz]|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
