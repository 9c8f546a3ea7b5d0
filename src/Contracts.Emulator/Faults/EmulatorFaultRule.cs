namespace Contracts.Emulator;

/// <summary>
/// A fault the emulator injects without being asked by header: on every API request that matches, or on the first
/// <see cref="Times"/> of them. Empty match fields match everything.
/// </summary>
public sealed class EmulatorFaultRule
{
    /// <summary>Creates a rule that injects <paramref name="fault"/>.</summary>
    public EmulatorFaultRule(EmulatorFault fault) => Fault = fault;

    /// <summary>The fault to inject.</summary>
    public EmulatorFault Fault { get; }

    /// <summary>Only requests whose path starts with this (for example <c>/suno/v2/feed</c>; leading slash optional,
    /// case-insensitive). Null: any path.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Only this dialect, by its name (<see cref="Contracts.Clients.DialectDescriptor.Name"/>, the spec file
    /// name without extension: <c>goamz-v3.5</c>, <c>goamz-v3.0</c>, <c>task</c>, <c>native-v2</c>; case is ignored).
    /// Null: any dialect.</summary>
    public string? Dialect { get; init; }

    /// <summary>Only this operation (its <c>operationId</c> in the spec, for example <c>getFeed</c>). Null: any
    /// operation.</summary>
    public string? OperationId { get; init; }

    /// <summary>How many matching requests get the fault; later ones are answered normally. Null: every one.</summary>
    public int? Times { get; init; }
}
