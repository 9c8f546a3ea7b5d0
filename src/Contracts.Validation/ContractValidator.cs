using System.Collections.Concurrent;
using System.Text;
using NJsonSchema;
using NSwag;

namespace Contracts.Validation;

/// <summary>
/// Validates JSON payloads against the dialect specs. Each spec is read and parsed once, on first use, and shared by
/// every later validation; an instance is thread-safe and meant to be kept (one per application).
/// </summary>
/// <remarks>
/// A payload is read once, strictly: one JSON value in UTF-8, without comments or trailing commas, whose arrays and
/// objects nest at most 64 levels. Anything else is a <see cref="ValidationOutcome.Malformed"/> result that says where
/// and why, never an exception.
/// </remarks>
public sealed class ContractValidator
{
    // One for every validation: it is thread-safe (see PayloadSchemaValidator), and building it groups its format validators.
    private static readonly PayloadSchemaValidator SchemaValidator = new(new DateTimeFormatValidator());
    private readonly ContractValidatorOptions _options;
    private readonly ConcurrentDictionary<string, Lazy<Task<OpenApiDocument>>> _specs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ValidationTarget, JsonSchema> _schemas = new();
    private int _specLoads;

    /// <summary>Creates a validator over the specs in <see cref="ContractValidatorOptions.SpecsDirectory"/>.</summary>
    public ContractValidator(ContractValidatorOptions? options = null)
    {
        _options = options ?? new ContractValidatorOptions();
        if (_options.MaxPayloadBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxPayloadBytes, "MaxPayloadBytes must be positive.");
        }
        SpecsDirectory = _options.SpecsDirectory is { } configured
            ? Path.GetFullPath(configured)
            : SpecLocator.Find() ?? throw new ContractValidationException(
                "Could not find the specs folder (a 'specs' folder holding task.yaml) above the current directory or the application; set ContractValidatorOptions.SpecsDirectory.");
    }

    /// <summary>The folder the specs are read from.</summary>
    public string SpecsDirectory { get; }

    /// <summary>How many times a spec file has been read and parsed (each spec once, however many validations).</summary>
    public int SpecLoadCount => Volatile.Read(ref _specLoads);

    /// <summary>The dialects available: the spec files' names without extension.</summary>
    public IReadOnlyList<string> Dialects => Directory.GetFiles(SpecsDirectory, "*.yaml")
        .Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    /// <summary>Validates <paramref name="json"/> against <paramref name="target"/>.</summary>
    /// <remarks>The text is read exactly as the bytes of <see cref="ValidateAsync(Stream, ValidationTarget, CancellationToken)"/>
    /// would be: a leading byte order mark is skipped, and a lone surrogate (half of a UTF-16 pair, which has no UTF-8
    /// form) makes the payload <see cref="ValidationOutcome.Malformed"/>.</remarks>
    /// <exception cref="ContractValidationException">The spec or the target does not exist or cannot be read.</exception>
    public async Task<ValidationResult> ValidateAsync(string json, ValidationTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(target);
        var schema = await GetSchemaAsync(target, cancellationToken).ConfigureAwait(false);
        var size = Encoding.UTF8.GetByteCount(json);
        if (size > _options.MaxPayloadBytes)
        {
            return TooLarge(target, size);
        }
        using var payload = PayloadBytes.Encode(json, size);
        return Check(payload, schema, target);
    }

    /// <summary>Validates the JSON read from <paramref name="payload"/> (UTF-8) against <paramref name="target"/>; reads at
    /// most <see cref="ContractValidatorOptions.MaxPayloadBytes"/> + 1 bytes.</summary>
    /// <remarks>A leading byte order mark is skipped; bytes that are not UTF-8 make the payload <see cref="ValidationOutcome.Malformed"/>.</remarks>
    /// <exception cref="ContractValidationException">The spec or the target does not exist or cannot be read.</exception>
    public async Task<ValidationResult> ValidateAsync(Stream payload, ValidationTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(target);
        var schema = await GetSchemaAsync(target, cancellationToken).ConfigureAwait(false);
        using var bytes = await PayloadBytes.ReadAsync(payload, _options.MaxPayloadBytes, cancellationToken).ConfigureAwait(false);
        if (bytes.OverLimit)
        {
            return TooLarge(target, size: null);
        }
        return Check(bytes, schema, target);
    }

    /// <summary>The operationIds of <paramref name="dialect"/>'s spec.</summary>
    public async Task<IReadOnlyList<string>> GetOperationIdsAsync(string dialect, CancellationToken cancellationToken = default)
    {
        var document = await GetDocumentAsync(dialect, cancellationToken).ConfigureAwait(false);
        return document.Operations.Select(o => o.Operation.OperationId).Order(StringComparer.Ordinal).ToArray();
    }

    // size: the payload's length, or null for a stream that was read only up to the limit.
    private ValidationResult TooLarge(ValidationTarget target, long? size) => new(target, ValidationOutcome.TooLarge, [], null,
        $"the payload is {(size is { } known ? $"{known:N0} bytes, over" : "over")} the limit of {_options.MaxPayloadBytes:N0} bytes (ContractValidatorOptions.MaxPayloadBytes); it was not parsed");

    private static ValidationResult Check(PayloadBytes payload, JsonSchema schema, ValidationTarget target)
    {
        // One pass: System.Text.Json's strict reader says where the text stops being JSON and builds, as it goes, the
        // Newtonsoft tokens NJsonSchema validates (Newtonsoft's own reader would accept comments and other non-JSON).
        if (!PayloadParser.TryParse(payload, out var token, out var malformed))
        {
            return new ValidationResult(target, ValidationOutcome.Malformed, [], malformed, null);
        }
        var errors = SchemaValidator.Validate(token, schema, SchemaType.OpenApi3);
        var violations = ViolationMapper.Map(errors, token);
        return new ValidationResult(target, violations.Count == 0 ? ValidationOutcome.Valid : ValidationOutcome.Invalid, violations, null, null);
    }

    private async Task<JsonSchema> GetSchemaAsync(ValidationTarget target, CancellationToken cancellationToken)
    {
        if (_schemas.TryGetValue(target, out var cached))
        {
            return cached;
        }
        var document = await GetDocumentAsync(target.Dialect, cancellationToken).ConfigureAwait(false);
        var schema = SchemaResolver.Resolve(document, target, SpecPath(target.Dialect));
        return _schemas.GetOrAdd(target, schema);
    }

    private string SpecPath(string dialect) => Path.Combine(SpecsDirectory, dialect + ".yaml");

    private async Task<OpenApiDocument> GetDocumentAsync(string dialect, CancellationToken cancellationToken)
    {
        var path = SpecPath(dialect);
        if (!File.Exists(path))
        {
            throw new ContractValidationException(
                $"Unknown dialect '{dialect}': there is no {path}. Known dialects: {string.Join(", ", Dialects)}.", path);
        }
        var lazy = _specs.GetOrAdd(dialect, _ => new Lazy<Task<OpenApiDocument>>(() => LoadAsync(path)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ContractValidationException)
        {
            _specs.TryRemove(new KeyValuePair<string, Lazy<Task<OpenApiDocument>>>(dialect, lazy));
            throw;
        }
    }

    private async Task<OpenApiDocument> LoadAsync(string path)
    {
        Interlocked.Increment(ref _specLoads);
        try
        {
            SpecReaderReflection.Keep();
            return await NSwag.OpenApiYamlDocument.FromFileAsync(path).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new ContractValidationException($"Could not read the spec {path}: {exception.Message}", path, exception);
        }
    }
}
