using System.Text;
using System.Text.Json;
using Contracts.Validation;

namespace Contracts.Music.Tests.Fuzz;

/// <summary>
/// What <see cref="ContractValidator.ValidateAsync(string, ValidationTarget, CancellationToken)"/> and its stream
/// overload may give for any payload (their documentation): a <see cref="ValidationResult"/>, never an exception, whose
/// outcome means what it says: <see cref="ValidationOutcome.TooLarge"/> exactly when the UTF-8 is over the limit;
/// otherwise <see cref="ValidationOutcome.Malformed"/> exactly when the payload is not JSON (bytes that are not UTF-8, a
/// lone surrogate in the string, anything System.Text.Json's strict reader refuses after one byte order mark, nesting
/// over 64 levels), with a 1-based place; <see cref="ValidationOutcome.Valid"/> without violations and
/// <see cref="ValidationOutcome.Invalid"/> with some. The text and its UTF-8 bytes get the same result.
/// </summary>
internal static class ValidatorOracle
{
    /// <summary>A small limit, so that the fuzz's long strings cross it (the default is 10 MiB).</summary>
    public const int MaxPayloadBytes = 1 << 20;

    public static ContractValidator Validator { get; } = new(new ContractValidatorOptions
    {
        SpecsDirectory = Path.Combine(AppContext.BaseDirectory, "specs"),
        MaxPayloadBytes = MaxPayloadBytes,
    });

    public static async ValueTask<CaseResult> CheckAsync(FuzzCase fuzz, CancellationToken cancellationToken)
    {
        var target = fuzz.Target ?? throw new InvalidOperationException($"{fuzz.Sample} has no target.");
        ValidationResult fromString, fromStream;
        try
        {
            fromString = await Validator.ValidateAsync(fuzz.Text, target, cancellationToken);
        }
        catch (Exception error)
        {
            return CaseResult.Broke(fuzz, $"ValidateAsync(string) threw {CaseResult.Where(error)}", error);
        }
        try
        {
            fromStream = await Validator.ValidateAsync(new MemoryStream(fuzz.Bytes, writable: false), target, cancellationToken);
        }
        catch (Exception error)
        {
            return CaseResult.Broke(fuzz, $"ValidateAsync(Stream) threw {CaseResult.Where(error)}", error);
        }

        var utf8 = Encoding.UTF8.GetBytes(fuzz.Text);
        if (Wrong(fromString, target, utf8.Length, fuzz.HasLoneSurrogate || !IsJson(utf8)) is { } stringProblem)
            return CaseResult.Broke(fuzz, "ValidateAsync(string): " + stringProblem, more: "result: " + Full(fromString));
        if (Wrong(fromStream, target, fuzz.Bytes.Length, !IsJson(fuzz.Bytes)) is { } streamProblem)
            return CaseResult.Broke(fuzz, "ValidateAsync(Stream): " + streamProblem, more: "result: " + Full(fromStream));
        // The refusals differ on purpose: a string's size is known, a stream is read only up to the limit.
        if (!fuzz.BytesMutated && !fuzz.HasLoneSurrogate && Full(fromString) != Full(fromStream))
            return CaseResult.Broke(fuzz, $"the string and its UTF-8 bytes differ: {fromString.Outcome} vs {fromStream.Outcome}",
                more: $"from the string: {Full(fromString)}\nfrom the stream: {Full(fromStream)}");
        return new CaseResult(fuzz.Seed, fromString.Outcome.ToString());
    }

    /// <summary>JSON as the validator documents it: UTF-8, one byte order mark skipped, strict, at most 64 levels.</summary>
    public static bool IsJson(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8))
            utf8 = utf8[3..];
        if (utf8.Span.StartsWith("\uFEFF"u8) || !System.Text.Unicode.Utf8.IsValid(utf8.Span))
            return false;
        try
        {
            using var _ = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 64 });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Everything a result says but the refusal's wording, to compare two results.</summary>
    public static string Full(ValidationResult result) =>
        $"{result.Outcome} {result.Malformed} " + string.Join(" | ", result.Violations);

    /// <summary>What is wrong with <paramref name="result"/>, or null when it is one of the documented results for the payload.</summary>
    private static string? Wrong(ValidationResult result, ValidationTarget target, int size, bool notJson)
    {
        if (result is null)
            return "returned null";
        if (!Enum.IsDefined(result.Outcome))
            return $"an undefined outcome {(int)result.Outcome}";
        if (!Equals(result.Target, target))
            return $"the result's target is {result.Target}, not {target}";
        try
        {
            _ = result.ToString();
            _ = SampleManifest.Describe(result);
        }
        catch (Exception error)
        {
            return $"describing the result threw {CaseResult.Where(error)}: {error.Message}";
        }
        var tooLarge = size > MaxPayloadBytes;
        if ((result.Outcome == ValidationOutcome.TooLarge) != tooLarge)
            return $"{result.Outcome} for {size:N0} bytes against a limit of {MaxPayloadBytes:N0}";
        switch (result.Outcome)
        {
            case ValidationOutcome.TooLarge:
                return string.IsNullOrEmpty(result.Refusal) || result.Violations.Count > 0 || result.Malformed is not null ? "TooLarge without only a refusal" : null;
            case ValidationOutcome.Malformed when !notJson:
                return $"Malformed for a payload that is JSON ({result.Malformed})";
            case ValidationOutcome.Malformed:
                return result.Malformed is not { Line: >= 1, Column: >= 1, Message.Length: > 0 } || result.Violations.Count > 0
                    ? $"Malformed without a 1-based place and a message ({result.Malformed})"
                    : null;
            case ValidationOutcome.Valid or ValidationOutcome.Invalid when notJson:
                return $"{result.Outcome} for a payload that is not JSON";
            case ValidationOutcome.Valid:
                return result.Violations.Count > 0 || result.Malformed is not null || !result.IsValid ? "Valid with violations" : null;
            default:
                if (result.Violations.Count == 0 || result.Malformed is not null)
                    return "Invalid without violations";
                return result.Violations.FirstOrDefault(v => v is null || v.Rule is null || v.Message is null || v.Pointer is null || (v.Pointer.Length > 0 && v.Pointer[0] != '/'))
                    is { } bad ? $"a violation without a pointer, rule or message: {bad}" : null;
        }
    }
}
