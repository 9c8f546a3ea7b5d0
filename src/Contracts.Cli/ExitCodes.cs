namespace Contracts.Cli;

/// <summary>The tool's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>The payload matches the contract (or every sample got its expected verdict).</summary>
    public const int Valid = 0;

    /// <summary>The command did what was asked (generate, lyrics, concat, fetch, inspect, vendors, emulate).</summary>
    public const int Success = 0;

    /// <summary>The payload breaks the contract or is not JSON (or a sample got another verdict than expected).</summary>
    public const int Invalid = 1;

    /// <summary>Wrong usage, an unreadable file, or a dialect/operation/schema that does not exist.</summary>
    public const int UsageOrInput = 2;

    /// <summary>The vendor call failed (HTTP error, vendor error, network, timeout) or the task ended in failure.</summary>
    public const int Failed = 3;

    /// <summary>Ctrl+C (SIGINT) stopped the command (128 + 2, as a shell reports it).</summary>
    public const int Interrupted = 130;

    /// <summary>SIGTERM stopped the command (128 + 15).</summary>
    public const int Terminated = 143;
}
