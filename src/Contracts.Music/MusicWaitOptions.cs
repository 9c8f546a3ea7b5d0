namespace Contracts.Music;

/// <summary>Per-call options for the waits of <see cref="IMusicClient"/> (<c>WaitForCompletionAsync</c>, <c>WatchAsync</c>, <c>GenerateLyricsAsync</c>, <c>UploadAsync</c>).</summary>
public sealed class MusicWaitOptions
{
    /// <summary>The delay before the second poll. Default 2 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay between polls. Default 15 s.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How much the delay grows after each poll that saw no change. Default 1.5.</summary>
    public double BackoffMultiplier { get; set; } = 1.5;

    /// <summary>
    /// How long to wait in total before giving up with a <see cref="MusicWaitTimeoutException"/> (a <see cref="TimeoutException"/>
    /// naming the unfinished ids). Default 10 min; <see cref="TimeSpan.MaxValue"/> waits without a deadline.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Receives every snapshot whose status or clips changed.</summary>
    public IProgress<MusicTask>? Progress { get; set; }
}
