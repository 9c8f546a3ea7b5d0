using System.Numerics;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace Contracts.Validation;

/// <summary>
/// NJsonSchema's validator, with the number rules (<c>minimum</c>, <c>maximum</c>, their exclusive forms,
/// <c>multipleOf</c>) checked on the exact value of an integer beyond Int64 (<see cref="BigIntegerValue"/>), where
/// NJsonSchema can only see the Int64 standing in for it.
/// </summary>
/// <remarks>
/// Thread-safe, and so shared by every validation: NJsonSchema's <see cref="JsonSchemaValidator"/> (11.6.2) keeps only
/// what its constructor sets (the settings and a map of format validators, never changed afterwards) and builds its error
/// lists per call, this class adds no state, and the format validators given to it must be stateless.
/// </remarks>
internal sealed class PayloadSchemaValidator(params IFormatValidator[] formatValidators) : JsonSchemaValidator(formatValidators)
{
    /// <inheritdoc />
    protected override ICollection<ValidationError> Validate(JToken token, JsonSchema schema, SchemaType schemaType, string? propertyName, string propertyPath)
    {
        var errors = base.Validate(token, schema, schemaType, propertyName, propertyPath);
        if (token is not BigIntegerValue big)
        {
            return errors;
        }
        // This level's number verdicts were drawn from the stand-in; those of sub-schemas (allOf, anyOf, items, ...) came
        // through this method already. (A schema with several types, a JSON Schema type array that OpenAPI 3.0 does not
        // have, keeps NJsonSchema's per-type verdicts on the stand-in.)
        var corrected = errors.Where(e => !(ReferenceEquals(e.Token, token) && IsNumberRule(e.Kind))).ToList();
        corrected.AddRange(NumberErrors(big, schema, propertyName, propertyPath));
        return corrected;
    }

    private static bool IsNumberRule(ValidationErrorKind kind) =>
        kind is ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig or ValidationErrorKind.NumberNotMultipleOf;

    // The same rules, in the same order, as NJsonSchema's own number check.
    private static IEnumerable<ValidationError> NumberErrors(BigIntegerValue token, JsonSchema schema, string? propertyName, string propertyPath)
    {
        var value = token.Exact;
        if (schema.Minimum is { } minimum && Compare(value, minimum) is var toMinimum && (schema.IsExclusiveMinimum ? toMinimum <= 0 : toMinimum < 0))
            yield return new ValidationError(ValidationErrorKind.NumberTooSmall, propertyName, propertyPath, token, schema);
        if (schema.Maximum is { } maximum && Compare(value, maximum) is var toMaximum && (schema.IsExclusiveMaximum ? toMaximum >= 0 : toMaximum > 0))
            yield return new ValidationError(ValidationErrorKind.NumberTooBig, propertyName, propertyPath, token, schema);
        if (schema.ExclusiveMinimum is { } exclusiveMinimum && Compare(value, exclusiveMinimum) <= 0)
            yield return new ValidationError(ValidationErrorKind.NumberTooSmall, propertyName, propertyPath, token, schema);
        if (schema.ExclusiveMaximum is { } exclusiveMaximum && Compare(value, exclusiveMaximum) >= 0)
            yield return new ValidationError(ValidationErrorKind.NumberTooBig, propertyName, propertyPath, token, schema);
        if (schema.MultipleOf is { } multipleOf && multipleOf != 0 && !IsMultiple(value, multipleOf))
            yield return new ValidationError(ValidationErrorKind.NumberNotMultipleOf, propertyName, propertyPath, token, schema);
    }

    /// <summary>Compares an integer with a decimal exactly.</summary>
    private static int Compare(BigInteger value, decimal bound)
    {
        var floor = decimal.Floor(bound);
        var order = value.CompareTo(new BigInteger(floor));
        return order != 0 || bound == floor ? order : -1;
    }

    /// <summary>Whether <paramref name="value"/> is a whole multiple of <paramref name="step"/>: with step = m / 10^s,
    /// whether value · 10^s is a multiple of m.</summary>
    private static bool IsMultiple(BigInteger value, decimal step)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(step, bits);
        var mantissa = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | new BigInteger((uint)bits[0]);
        return (value * BigInteger.Pow(10, step.Scale)) % mantissa == 0;
    }
}
