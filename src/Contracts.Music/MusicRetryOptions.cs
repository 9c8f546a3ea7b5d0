namespace Contracts.Music;

/// <summary>
/// How reads are retried. Only reads: a submit (music, lyrics, concat, upload) costs credits and is never retried
/// automatically. Reads are retried on 429 (after <c>Retry-After</c> when sent), 5xx, network errors and timeouts.
/// </summary>
public sealed class MusicRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between attempts, including one asked for by <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt (any call, submit included) may take before it times out. Default 100 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
