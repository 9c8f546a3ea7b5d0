using System.Text;
using System.Text.Json;
using Contracts.Music;

namespace Contracts.Benchmarks.Infrastructure;

/// <summary>One dialect's sample: the read operation's 200 answer every benchmark of that dialect uses, and where a client asks for it.</summary>
/// <param name="Name">The dialect as the specs and the validator name it (<c>goamz-v3.5</c>, ...); also the benchmark category.</param>
/// <param name="Dialect">The facade's dialect.</param>
/// <param name="Operation">The spec's operationId of the read (getMusic, fetchTask, getFeed).</param>
/// <param name="File">The sample, relative to specs/samples/.</param>
/// <param name="Json">The sample's text, read once: the same string goes to the baseline and to the measured code.</param>
/// <param name="Utf8">The same bytes, as the loopback server sends them.</param>
/// <param name="TaskId">The facade's task id for the sample (for native v2: its clip ids joined with commas).</param>
/// <param name="ReadPath">The relative URL the generated client and the facade request for <paramref name="TaskId"/>.</param>
/// <param name="RoutePrefix">The path prefix the loopback server answers this sample on.</param>
public sealed record DialectSample(
    string Name, MusicDialect Dialect, string Operation, string File, string Json, byte[] Utf8, string TaskId, string ReadPath, string RoutePrefix)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} {Operation} ({File}, {Utf8.Length} bytes)";
}

/// <summary>
/// The samples the benchmarks read, one per dialect: a 200 answer of the dialect's get-task (or feed) operation from
/// specs/samples, 3 to 5 KB. Fixed here (not picked anew each run) so that runs stay comparable; each is checked
/// against specs/samples/manifest.json at startup. Rule used to pick them: a real-world payload (<c>*.real.json</c>)
/// of that size where the corpus has one, else the vendor page's example, else ours.
/// </summary>
public static class BenchmarkSamples
{
    private const int MinBytes = 3 * 1024;
    private const int MaxBytes = 5 * 1024;

    private static readonly (string Name, MusicDialect Dialect, string Operation, string File, string RoutePrefix)[] s_chosen =
    [
        // No real-world getMusic payload in the corpus: the vendor page's example (4.7 KB, completed, two clips).
        ("goamz-v3.5", MusicDialect.GoAmzV35, "getMusic", "goamz-v3.5/getMusic.response.json", "/suno/v1/music/"),
        // No real-world getMusic payload in the corpus: the vendor page's example (4.4 KB, completed, two clips).
        ("goamz-v3.0", MusicDialect.GoAmzV30, "getMusic", "goamz-v3.0/getMusic.response.json", "/suno/v1/v3.0/music/"),
        // The real fetchTask payloads are 0.5-0.9 KB or 8.4 KB; ours (4.7 KB, two clips) is the one in the size band.
        ("task", MusicDialect.Task, "fetchTask", "task/fetchTask.response.ours.json", "/suno/fetch/"),
        // Real (a relay's documentation): a feed page object with two complete clips, 4.7 KB.
        ("native-v2", MusicDialect.NativeV2, "getFeed", "native-v2/getFeed.response.page-object-relay-openai-next.real.json", "/suno/v2/feed"),
    ];

    private static readonly Lazy<IReadOnlyDictionary<MusicDialect, DialectSample>> s_samples = new(Load);

    /// <summary>The sample of <paramref name="dialect"/>.</summary>
    public static DialectSample For(MusicDialect dialect) => s_samples.Value[dialect];

    /// <summary>Every dialect's sample, in the order of the README's dialect table.</summary>
    public static IEnumerable<DialectSample> All => s_chosen.Select(c => For(c.Dialect));

    private static Dictionary<MusicDialect, DialectSample> Load()
    {
        using var manifest = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(Repository.SamplesDirectory, "manifest.json")));
        var entries = manifest.RootElement.GetProperty("samples").EnumerateArray()
            .ToDictionary(e => e.GetProperty("file").GetString()!, StringComparer.Ordinal);

        var samples = new Dictionary<MusicDialect, DialectSample>();
        foreach (var (name, dialect, operation, file, routePrefix) in s_chosen)
        {
            if (!entries.TryGetValue(file, out var entry))
                throw new InvalidOperationException($"Benchmark sample {file} is not in specs/samples/manifest.json.");
            Check(file, entry, "dialect", name);
            Check(file, entry, "operation", operation);
            Check(file, entry, "direction", "response");
            if (!entry.TryGetProperty("status", out var status) || status.GetInt32() != 200)
                throw new InvalidOperationException($"Benchmark sample {file} is not a 200 answer in the manifest.");
            if (entry.GetProperty("expected").GetProperty("verdict").GetString() != "valid")
                throw new InvalidOperationException($"Benchmark sample {file} is not expected to be valid in the manifest.");

            var utf8 = System.IO.File.ReadAllBytes(Path.Combine(Repository.SamplesDirectory, file));
            if (utf8.Length is < MinBytes or > MaxBytes)
                throw new InvalidOperationException($"Benchmark sample {file} is {utf8.Length} bytes; the benchmarks use 3-5 KB answers.");
            var json = Encoding.UTF8.GetString(utf8);

            // The facade's own reading gives the task id the reads ask for, so the loopback answer always matches it
            // (for native v2 the feed must hold every clip of the id, or the facade reports missing clips).
            var tasks = MusicClient.ReadPayload(dialect, json);
            if (tasks.Count != 1 || tasks[0].Clips.Count == 0)
                throw new InvalidOperationException($"Benchmark sample {file} does not read as one task with clips ({tasks.Count} task(s)).");
            var taskId = tasks[0].Id;

            var readPath = dialect == MusicDialect.NativeV2
                ? routePrefix.TrimStart('/') + "?ids=" + Uri.EscapeDataString(taskId)
                : routePrefix.TrimStart('/') + Uri.EscapeDataString(taskId);
            samples[dialect] = new DialectSample(name, dialect, operation, file, json, utf8, taskId, readPath, routePrefix);
        }
        return samples;
    }

    private static void Check(string file, JsonElement entry, string property, string expected)
    {
        var actual = entry.TryGetProperty(property, out var value) ? value.GetString() : null;
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
            throw new InvalidOperationException($"Benchmark sample {file}: the manifest says {property} '{actual}', the benchmarks expect '{expected}'.");
    }
}
