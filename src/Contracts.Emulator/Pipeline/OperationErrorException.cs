namespace Contracts.Emulator.Pipeline;

/// <summary>Thrown by handlers and body readers to answer with an error envelope.</summary>
internal sealed class OperationErrorException(OperationError error) : Exception(error.Message)
{
    public OperationError Error { get; } = error;
}
