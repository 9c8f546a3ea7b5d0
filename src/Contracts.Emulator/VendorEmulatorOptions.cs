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
        foreach (var rule in Faults)
        {
            if (rule is null || rule.Times is < 0)
            {
                throw new ArgumentException("Fault rules must not be null and Times must not be negative.", nameof(Faults));
            }
        }
    }
}
