using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Validation;

/// <summary>One violation a sample is expected to produce.</summary>
/// <param name="Pointer">The JSON Pointer.</param>
/// <param name="Rule">The rule (required, type, null, format, ...).</param>
public sealed record ExpectedViolation(string Pointer, string Rule);

/// <summary>The verdict a sample must get: <c>valid</c>, <c>invalid</c> (with its violations) or <c>malformed</c> (with a position).</summary>
public sealed record ExpectedVerdict(string Verdict, IReadOnlyList<ExpectedViolation>? Errors = null, int? Line = null, int? Column = null);

/// <summary>One sample payload of <c>specs/samples/manifest.json</c> and what validating it must give.</summary>
/// <remarks>
/// <see cref="Direction"/> is <c>request</c>, <c>response</c> (with <see cref="Status"/>) or <c>callback</c> (a body
/// the vendor posts to the caller's callback URL, validated against the component named by <see cref="Schema"/>).
/// <see cref="Origin"/> is <c>vendor</c> (a vendor page's example), <c>real</c> (public material, <see cref="Source"/>
/// says where: <c>owner/repo@commit:path#Lstart-Lend</c> or a URL) or <c>ours</c>.
/// </remarks>
public sealed record SampleEntry(
    string File, string Dialect, string Operation, string Direction, int? Status, string Origin, string Source, ExpectedVerdict Expected, string? Note = null,
    string? Schema = null, string? Captured = null)
{
    /// <summary>The target the sample is validated against.</summary>
    public ValidationTarget Target => Direction switch
    {
        "request" => ValidationTarget.Request(Dialect, Operation),
        "callback" => ValidationTarget.Schema(Dialect, Schema ?? throw new ContractValidationException($"Sample {File} is a callback but names no schema.")),
        _ => ValidationTarget.Response(Dialect, Operation, Status ?? 200),
    };
}

/// <summary>A sample's expected verdict next to the one it got.</summary>
public sealed record SampleCheck(SampleEntry Sample, ValidationResult Result, bool Matches, string Got);

/// <summary>The sample corpus: every example payload of the vendor pages plus ours, each with its expected verdict.</summary>
public sealed class SampleManifest
{
    // The manifest's metadata is source-generated (SampleManifestJson), not reflected: trim- and native-AOT-safe.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip, TypeInfoResolver = SampleManifestJson.Default };

    private SampleManifest(string samplesDirectory, IReadOnlyList<SampleEntry> samples)
    {
        SamplesDirectory = samplesDirectory;
        Samples = samples;
    }

    /// <summary>The folder the manifest's file names are relative to.</summary>
    public string SamplesDirectory { get; }

    /// <summary>The samples, in manifest order.</summary>
    public IReadOnlyList<SampleEntry> Samples { get; }

    /// <summary>Reads <c>manifest.json</c> from <paramref name="samplesDirectory"/>.</summary>
    /// <exception cref="ContractValidationException">The manifest is missing or not in the expected shape.</exception>
    public static async Task<SampleManifest> LoadAsync(string samplesDirectory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(samplesDirectory, "manifest.json");
        try
        {
            await using var stream = File.OpenRead(path);
            var document = await JsonSerializer.DeserializeAsync(stream, (JsonTypeInfo<ManifestDocument>)Json.GetTypeInfo(typeof(ManifestDocument)), cancellationToken).ConfigureAwait(false);
            return new SampleManifest(samplesDirectory, document?.Samples ?? throw new ContractValidationException($"{path} has no 'samples' list.", path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ContractValidationException($"Could not read the sample manifest {path}: {exception.Message}", path, exception);
        }
    }

    /// <summary>Validates every sample and compares its verdict with the expected one.</summary>
    public async Task<IReadOnlyList<SampleCheck>> CheckAllAsync(ContractValidator validator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var checks = new List<SampleCheck>(Samples.Count);
        foreach (var sample in Samples)
        {
            checks.Add(await CheckAsync(validator, sample, cancellationToken).ConfigureAwait(false));
        }
        return checks;
    }

    /// <summary>Validates one sample and compares its verdict with the expected one.</summary>
    public async Task<SampleCheck> CheckAsync(ContractValidator validator, SampleEntry sample, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(sample);
        var text = await File.ReadAllTextAsync(Path.Combine(SamplesDirectory, sample.File), cancellationToken).ConfigureAwait(false);
        var result = await validator.ValidateAsync(text, sample.Target, cancellationToken).ConfigureAwait(false);
        var got = Describe(result);
        return new SampleCheck(sample, result, got == Describe(sample.Expected), got);
    }

    /// <summary>A verdict as one comparable line: <c>valid</c>, <c>invalid: /a required, /b type</c>, <c>malformed at 7:5</c>.</summary>
    public static string Describe(ValidationResult result) => result.Outcome switch
    {
        ValidationOutcome.Valid => "valid",
        ValidationOutcome.Malformed => $"malformed at {result.Malformed!.Line}:{result.Malformed.Column}",
        ValidationOutcome.TooLarge => "too large",
        _ => "invalid: " + string.Join(", ", result.Violations.Select(v => $"{v.Pointer} {v.Rule}").Order(StringComparer.Ordinal)),
    };

    private static string Describe(ExpectedVerdict expected) => expected.Verdict switch
    {
        "valid" => "valid",
        "malformed" => $"malformed at {expected.Line}:{expected.Column}",
        "invalid" => "invalid: " + string.Join(", ", (expected.Errors ?? []).Select(e => $"{e.Pointer} {e.Rule}").Order(StringComparer.Ordinal)),
        var other => other,
    };

    internal sealed record ManifestDocument(IReadOnlyList<SampleEntry>? Samples);
}

/// <summary>Source-generated metadata of <c>manifest.json</c>'s shape (metadata mode: the same contract as reflection gives).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SampleManifest.ManifestDocument))]
internal sealed partial class SampleManifestJson : JsonSerializerContext;
