namespace Contracts.Emulator;

/// <summary>The emulator's state file (<see cref="VendorEmulatorOptions.StatePath"/>) cannot be used: it cannot be read
/// or written, is not a state file, or was written in another version. The message names the file and how to start
/// afresh.</summary>
public sealed class EmulatorStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statePath">The state file, as a full path.</param>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    public EmulatorStateException(string statePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatePath = statePath;
    }

    /// <summary>The state file, as a full path.</summary>
    public string StatePath { get; }
}
