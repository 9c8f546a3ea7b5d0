using System.Collections.Concurrent;

namespace Contracts.Benchmarks.Infrastructure;

/// <summary>
/// Counts the requests a <see cref="SampleServer"/> receives, per path (without the query): what "requests per round"
/// is measured with (<see cref="WaitRoundBenchmarks"/>). Thread-safe. The read benchmarks run their server without a
/// counter so that counting costs them nothing.
/// </summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, long> _byPath = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>All requests since the last <see cref="Reset"/>.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Records one request for <paramref name="path"/>.</summary>
    public void Record(string path)
    {
        _byPath.AddOrUpdate(path, 1, static (_, count) => count + 1);
        Interlocked.Increment(ref _total);
    }

    /// <summary>Requests for exactly <paramref name="path"/> (for example <c>/suno/fetch/abc</c>).</summary>
    public long Count(string path) => _byPath.TryGetValue(path, out var count) ? count : 0;

    /// <summary>Requests for every path that starts with <paramref name="prefix"/> (for example <c>/suno/fetch/</c>: every single-task read).</summary>
    public long CountStartingWith(string prefix) =>
        _byPath.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(p => p.Value);

    /// <summary>The counts per path, as of now.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_byPath, StringComparer.Ordinal);

    /// <summary>Starts counting from zero (between rounds).</summary>
    public void Reset()
    {
        _byPath.Clear();
        Interlocked.Exchange(ref _total, 0);
    }
}
