namespace Contracts.Validation;

/// <summary>
/// The validation could not run: a spec is missing or unreadable, or the target (dialect, operation, status, schema)
/// does not exist in it. A payload that breaks the contract is not an exception but a <see cref="ValidationResult"/>.
/// </summary>
public sealed class ContractValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ContractValidationException(string message, string? specPath = null, Exception? innerException = null)
        : base(message, innerException) => SpecPath = specPath;

    /// <summary>The spec file involved, when there is one.</summary>
    public string? SpecPath { get; }
}
