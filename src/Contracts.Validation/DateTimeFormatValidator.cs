using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace Contracts.Validation;

/// <summary>
/// <c>format: date-time</c> as RFC 3339 says (<c>2024-04-18T14:29:31.760Z</c>). NJsonSchema 10.7.2 does not check this
/// format on its own (measured: "yesterday" passes), so the validator brings its own.
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
