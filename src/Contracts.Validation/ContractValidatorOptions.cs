namespace Contracts.Validation;

/// <summary>Settings of a <see cref="ContractValidator"/>.</summary>
public sealed class ContractValidatorOptions
{
    /// <summary>The folder holding the specs (<c>goamz-v3.5.yaml</c>, ...). Default: the repository's <c>specs/</c>, found
    /// by walking up from the current directory and from the application's base directory.</summary>
    public string? SpecsDirectory { get; set; }

    /// <summary>Payloads larger than this many bytes (UTF-8) are refused without being parsed. Default 10 MiB.</summary>
    public long MaxPayloadBytes { get; set; } = 10 * 1024 * 1024;
}
