using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace Contracts.Validation;

/// <summary>
/// <c>format: date-time</c>: RFC 3339 (<c>2024-04-18T14:29:31.760Z</c>), plus the space that vendors send in place of
/// the <c>T</c>. NJsonSchema 11.6.2's own date-time check (re-measured after the upgrade from 10.7.2) rejects "yesterday"
/// but accepts a date alone ("2024-04-18"), which is not a date-time, so the validator keeps its own.
/// </summary>
internal sealed class DateTimeFormatValidator : IFormatValidator
{
    public string Format => "date-time";

    public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateTimeExpected;

    public bool IsValid(string value, JTokenType tokenType) =>
        tokenType == JTokenType.Date
        || (value.Length >= 19 && value[10] is 'T' or 't' or ' '
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _));
}
