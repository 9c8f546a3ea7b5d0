using System.Runtime.CompilerServices;

namespace Contracts.Music;

/// <summary>The one polling loop behind waiting for tasks, lyrics and uploads: backoff, overall timeout, cancellation.</summary>
internal static class Polling
{
    /// <summary>Yields each snapshot whose fingerprint changed, until <paramref name="isDone"/>; throws <see cref="TimeoutException"/> after the timeout.</summary>
    public static async IAsyncEnumerable<T> PollAsync<T>(
        Func<CancellationToken, Task<T>> read,
        Func<T, bool> isDone,
        Func<T, string> fingerprint,
        Func<T?, string> describe,
        MusicWaitOptions options,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Validate(options);
        var deadline = time.GetUtcNow() + options.Timeout;
        var delay = options.PollInterval;
        string? previous = null;
        T? last = default;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var snapshot = await read(cancellationToken).ConfigureAwait(false);
            last = snapshot;
            var print = fingerprint(snapshot);
            var changed = print != previous;
            if (changed)
            {
                previous = print;
                yield return snapshot;
                // Something moved: poll again soon.
                delay = options.PollInterval;
            }
            if (isDone(snapshot))
                yield break;

            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
                throw new TimeoutException($"Gave up after {options.Timeout}: {describe(last)}. Raise MusicWaitOptions.Timeout or poll again later with the same id.");
            await Task.Delay(delay < remaining ? delay : remaining, time, cancellationToken).ConfigureAwait(false);
            if (!changed)
            {
                var grown = TimeSpan.FromTicks((long)(delay.Ticks * options.BackoffMultiplier));
                delay = grown < options.MaxPollInterval ? grown : options.MaxPollInterval;
            }
        }
    }

    private static void Validate(MusicWaitOptions options)
    {
        if (options.PollInterval <= TimeSpan.Zero)
            throw new ArgumentException("MusicWaitOptions.PollInterval must be positive.", nameof(options));
        if (options.MaxPollInterval < options.PollInterval)
            throw new ArgumentException("MusicWaitOptions.MaxPollInterval must not be below PollInterval.", nameof(options));
        if (options.BackoffMultiplier < 1)
            throw new ArgumentException("MusicWaitOptions.BackoffMultiplier must be at least 1.", nameof(options));
        if (options.Timeout <= TimeSpan.Zero)
            throw new ArgumentException("MusicWaitOptions.Timeout must be positive.", nameof(options));
    }
}
