namespace Contracts.Emulator;

/// <summary>Settings of a <see cref="VendorEmulator"/>. Every property has a default fit for interactive use; tests
/// usually shorten <see cref="StepDuration"/> or pass their own <see cref="TimeProvider"/>.</summary>
public sealed class VendorEmulatorOptions
{
    /// <summary>The TCP port on 127.0.0.1. 0 (the default) lets the system choose a free one; read the result from
    /// <see cref="VendorEmulator.BaseAddress"/>.</summary>
    public int Port { get; set; }

    /// <summary>The API key callers must send as <c>Authorization: Bearer &lt;key&gt;</c>. Default <c>emulator-key</c>.</summary>
    public string ApiKey { get; set; } = "emulator-key";

    /// <summary>How long a task stays in each state before it moves to the next (four steps from submission to a
    /// final state). Default 1.5 seconds; <see cref="TimeSpan.Zero"/> makes every task final at once.</summary>
    public TimeSpan StepDuration { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>The clock task states are computed from. Default <see cref="System.TimeProvider.System"/>; pass a
    /// manual one to move tasks through their states deterministically.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A prompt (lyrics, description, title or upload URL) containing this text makes its task fail, with a
    /// reason. Default <c>#fail</c>. Matched case-insensitively.</summary>
    public string FailureMarker { get; set; } = "#fail";

    /// <summary>Length in seconds of the synthesized WAV each clip serves (and the <c>duration</c> clips report).
    /// Default 3.</summary>
    public double ClipDuration { get; set; } = 3;

    /// <summary>The <c>Retry-After</c> the <see cref="EmulatorFault.RateLimit"/> fault sends, rounded up to whole
    /// seconds. Default 1 second.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the <see cref="EmulatorFault.Slow"/> fault delays an answer (real time, not
    /// <see cref="TimeProvider"/>). Default 5 seconds.</summary>
    public TimeSpan SlowResponseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How the native v2 <c>getFeed</c> answers: a bare array of clips (<see cref="Emulator.FeedShape.Array"/>,
    /// the default) or a page object (<see cref="Emulator.FeedShape.Page"/>, <see cref="Emulator.FeedShape.CursorPage"/>).
    /// The <see cref="EmulatorFault.FeedPage"/> and <see cref="EmulatorFault.FeedCursorPage"/> header values choose a
    /// page for one request.</summary>
    public FeedShape FeedShape { get; set; } = FeedShape.Array;

    /// <summary>How many times the emulator tries to deliver a task dialect callback (the finished task POSTed to the
    /// <c>notify_hook</c> given at submit) before giving up; a 2xx answer ends the tries, so a callback is delivered at
    /// most once. Default 3; between 1 and 10.</summary>
    public int CallbackAttempts { get; set; } = 3;

    /// <summary>How long the emulator waits after a failed callback attempt before the next one, doubled after each
    /// further failure (measured with <see cref="TimeProvider"/>'s timers). Default 200 milliseconds; at most one
    /// minute.</summary>
    public TimeSpan CallbackRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one callback attempt may take (connect, send, answer) before it counts as failed. Default 5
    /// seconds; above zero and at most one minute.</summary>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the emulator looks for tasks whose callback is due (besides after every API request), using
    /// <see cref="TimeProvider"/>'s timers. Task phases come from <see cref="TimeProvider"/>'s clock, so with a manual
    /// clock a callback goes out at the first look after the clock reached the task's final phase. Default 100
    /// milliseconds; above zero and at most one minute.</summary>
    public TimeSpan CallbackPollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A JSON file that keeps the emulator's tasks, clips, lyrics and uploads across processes; null (the default) keeps
    /// them in memory only. Read at start (a missing file is an empty emulator) and rewritten after every change (a
    /// temporary file beside it replaces it, so it is never half written); emulators of several processes may share
    /// one file. Task states are computed from wall-clock creation times, so a task submitted by an earlier process
    /// has moved on meanwhile. Callbacks owed by an earlier process are not sent. A file that is not a state file, or
    /// has another version, makes <see cref="VendorEmulator.StartAsync"/> throw <see cref="EmulatorStateException"/>.
    /// </summary>
    public string? StatePath { get; set; }

    /// <summary>Faults injected without a request header, checked in order; the first matching rule with uses left
    /// applies.</summary>
    public IList<EmulatorFaultRule> Faults { get; private set; } = new List<EmulatorFaultRule>();

    /// <summary>A copy with its own rule list, so changing these options after start changes nothing.</summary>
    internal VendorEmulatorOptions Snapshot()
    {
        var copy = (VendorEmulatorOptions)MemberwiseClone();
        copy.Faults = Faults.ToList();
        return copy;
    }

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be between 0 and 65535.");
        }
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("ApiKey must not be empty.", nameof(ApiKey));
        }
        if (StepDuration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StepDuration), StepDuration, "StepDuration must not be negative.");
        }
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (string.IsNullOrEmpty(FailureMarker))
        {
            throw new ArgumentException("FailureMarker must not be empty.", nameof(FailureMarker));
        }
        if (!(ClipDuration is > 0 and <= 60))
        {
            throw new ArgumentOutOfRangeException(nameof(ClipDuration), ClipDuration, "ClipDuration must be above 0 and at most 60 seconds.");
        }
        if (RetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryAfter), RetryAfter, "RetryAfter must not be negative.");
        }
        if (SlowResponseDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SlowResponseDelay), SlowResponseDelay, "SlowResponseDelay must not be negative.");
        }
        if (!Enum.IsDefined(FeedShape))
        {
            throw new ArgumentOutOfRangeException(nameof(FeedShape), FeedShape, "FeedShape is not a known shape.");
        }
        if (CallbackAttempts is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(CallbackAttempts), CallbackAttempts, "CallbackAttempts must be between 1 and 10.");
        }
        if (CallbackRetryDelay < TimeSpan.Zero || CallbackRetryDelay > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(CallbackRetryDelay), CallbackRetryDelay, "CallbackRetryDelay must be between 0 and one minute.");
        }
        if (CallbackTimeout <= TimeSpan.Zero || CallbackTimeout > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(CallbackTimeout), CallbackTimeout, "CallbackTimeout must be above 0 and at most one minute.");
        }
        if (CallbackPollInterval <= TimeSpan.Zero || CallbackPollInterval > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(CallbackPollInterval), CallbackPollInterval, "CallbackPollInterval must be above 0 and at most one minute.");
        }
        if (StatePath is not null && string.IsNullOrWhiteSpace(StatePath))
        {
            throw new ArgumentException("StatePath must not be blank (null keeps the state in memory).", nameof(StatePath));
        }
        foreach (var rule in Faults)
        {
            if (rule is null || rule.Times is < 0)
            {
                throw new ArgumentException("Fault rules must not be null and Times must not be negative.", nameof(Faults));
            }
        }
    }
}
