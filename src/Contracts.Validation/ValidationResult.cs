namespace Contracts.Validation;

/// <summary>How a validation ended.</summary>
public enum ValidationOutcome
{
    /// <summary>The payload matches the contract.</summary>
    Valid,

    /// <summary>The payload is JSON but breaks the contract; see <see cref="ValidationResult.Violations"/>.</summary>
    Invalid,

    /// <summary>The payload is not JSON (including bytes that are not UTF-8, a lone UTF-16 surrogate in a string, and
    /// arrays or objects nested deeper than 64 levels); see <see cref="ValidationResult.Malformed"/>.</summary>
    Malformed,

    /// <summary>The payload is over <see cref="ContractValidatorOptions.MaxPayloadBytes"/> and was not parsed.</summary>
    TooLarge,
}

/// <summary>One way the payload breaks the contract.</summary>
/// <param name="Pointer">JSON Pointer (RFC 6901) of the offending value, or of the missing property for <c>required</c>.</param>
/// <param name="Rule">The rule broken: <c>required</c>, <c>type</c>, <c>null</c>, <c>format</c>, <c>additionalProperties</c>, <c>enum</c>, ... .</param>
/// <param name="Expected">What the contract wants there (a JSON kind, a format, "present").</param>
/// <param name="Actual">What the payload has there (a JSON kind, or "missing").</param>
/// <param name="Message">A sentence a person understands.</param>
public sealed record ValidationViolation(string Pointer, string Rule, string Expected, string Actual, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Pointer.Length == 0 ? "/" : Pointer)}: {Message} [{Rule}]";
}

/// <summary>Where a payload stops being JSON.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, in characters.</param>
/// <param name="Message">What the reader expected there.</param>
public sealed record MalformedJson(int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}

/// <summary>The verdict on one payload.</summary>
public sealed class ValidationResult
{
    internal ValidationResult(ValidationTarget target, ValidationOutcome outcome, IReadOnlyList<ValidationViolation> violations, MalformedJson? malformed, string? refusal)
    {
        Target = target;
        Outcome = outcome;
        Violations = violations;
        Malformed = malformed;
        Refusal = refusal;
    }

    /// <summary>What the payload was checked against.</summary>
    public ValidationTarget Target { get; }

    /// <summary>How the validation ended.</summary>
    public ValidationOutcome Outcome { get; }

    /// <summary>True when the payload matches the contract.</summary>
    public bool IsValid => Outcome == ValidationOutcome.Valid;

    /// <summary>Every violation, in document order; empty unless <see cref="Outcome"/> is <see cref="ValidationOutcome.Invalid"/>.</summary>
    public IReadOnlyList<ValidationViolation> Violations { get; }

    /// <summary>Where the payload stops being JSON, when <see cref="Outcome"/> is <see cref="ValidationOutcome.Malformed"/>.</summary>
    public MalformedJson? Malformed { get; }

    /// <summary>Why the payload was refused unread, when <see cref="Outcome"/> is <see cref="ValidationOutcome.TooLarge"/>.</summary>
    public string? Refusal { get; }

    /// <inheritdoc />
    public override string ToString() => Outcome switch
    {
        ValidationOutcome.Valid => $"valid ({Target})",
        ValidationOutcome.Malformed => $"not JSON ({Target}): {Malformed}",
        ValidationOutcome.TooLarge => $"refused ({Target}): {Refusal}",
        _ => $"invalid ({Target}): " + string.Join("; ", Violations),
    };
}
