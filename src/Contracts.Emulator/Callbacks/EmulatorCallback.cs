namespace Contracts.Emulator;

/// <summary>Where a task dialect callback (the finished task POSTed to its <c>notify_hook</c>) stands.</summary>
public enum EmulatorCallbackState
{
    /// <summary>The task has not reached its final status yet.</summary>
    Waiting,

    /// <summary>The task is final and the emulator is POSTing it (or waiting to try again).</summary>
    Sending,

    /// <summary>The receiver answered 2xx; the callback is never sent again.</summary>
    Delivered,

    /// <summary>Every attempt (<see cref="VendorEmulatorOptions.CallbackAttempts"/>) failed, or the emulator stopped
    /// first; <see cref="EmulatorCallback.Detail"/> says why.</summary>
    Failed,

    /// <summary>Never sent: the <c>notify_hook</c> is not an http or https URL on a loopback host (127.0.0.0/8, ::1,
    /// <c>localhost</c>); <see cref="EmulatorCallback.Detail"/> says why.</summary>
    Refused,
}

/// <summary>A callback the emulator owes (or owed) a task submitted with a <c>notify_hook</c>, as reported by
/// <see cref="VendorEmulator.Callbacks"/>. A snapshot: read the property again to see later progress.</summary>
public sealed class EmulatorCallback
{
    internal EmulatorCallback(string taskId, string url, EmulatorCallbackState state, int attempts, string? detail)
    {
        TaskId = taskId;
        Url = url;
        State = state;
        Attempts = attempts;
        Detail = detail;
    }

    /// <summary>The task the callback reports.</summary>
    public string TaskId { get; }

    /// <summary>The <c>notify_hook</c> as submitted.</summary>
    public string Url { get; }

    /// <summary>Where the callback stands.</summary>
    public EmulatorCallbackState State { get; }

    /// <summary>How many POSTs were made so far (0 while waiting, and always 0 when refused).</summary>
    public int Attempts { get; }

    /// <summary>Why the callback was refused, or what the last failed attempt got (for example <c>HTTP 500</c> or a
    /// connection error); null when nothing went wrong.</summary>
    public string? Detail { get; }

    /// <inheritdoc />
    public override string ToString() => $"{TaskId} -> {Url}: {State} after {Attempts} attempt(s){(Detail is null ? "" : ": " + Detail)}";
}
