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
        Func<T?, IReadOnlyList<string>> unfinished,
        MusicWaitOptions options,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Validate(options);
        var now = time.GetUtcNow();
        // A timeout too long for the calendar (TimeSpan.MaxValue) means no deadline, not an overflow.
        var deadline = options.Timeout >= DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + options.Timeout;
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
                throw new MusicWaitTimeoutException(
                    $"Gave up after {options.Timeout}: {describe(last)}. Raise MusicWaitOptions.Timeout or poll again later with the same id (the work goes on at the vendor and is paid for).",
                    unfinished(last));
            await Task.Delay(delay < remaining ? delay : remaining, time, cancellationToken).ConfigureAwait(false);
            if (!changed)
            {
                // At most a day per step, so the product cannot overflow.
                var grown = TimeSpan.FromTicks((long)Math.Min(delay.Ticks * options.BackoffMultiplier, TimeSpan.FromDays(1).Ticks));
                delay = grown < options.MaxPollInterval ? grown : options.MaxPollInterval;
            }
        }
    }

    private static void Validate(MusicWaitOptions options)
    {
        if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > TimeSpan.FromDays(1))
            throw new ArgumentException("MusicWaitOptions.PollInterval must be positive and at most a day.", nameof(options));
        if (options.MaxPollInterval < options.PollInterval || options.MaxPollInterval > TimeSpan.FromDays(1))
            throw new ArgumentException("MusicWaitOptions.MaxPollInterval must be at least PollInterval and at most a day.", nameof(options));
        if (double.IsNaN(options.BackoffMultiplier) || options.BackoffMultiplier > 100)
            throw new ArgumentException("MusicWaitOptions.BackoffMultiplier must be a number from 1 to 100.", nameof(options));
        if (options.BackoffMultiplier < 1)
            throw new ArgumentException("MusicWaitOptions.BackoffMultiplier must be at least 1.", nameof(options));
        if (options.Timeout <= TimeSpan.Zero)
            throw new ArgumentException("MusicWaitOptions.Timeout must be positive.", nameof(options));
    }
}
