using Contracts.Benchmarks.Infrastructure;
using Contracts.Music;

namespace Contracts.Benchmarks;

// ===================================================================================================================
// PLACEHOLDER (issue 12, item 4): "requests per round when waiting on 1/10/100/1000 tasks per dialect".
// Not implemented yet: it needs the facade's many-task wait API, which does not exist yet.
// ===================================================================================================================

/// <summary>
/// Reserved for the table "requests per round when waiting on 1/10/100/1000 tasks per dialect". It is a count, not a
/// time, so it is meant as a plain table printer (run from <c>Program</c> with its own argument), not a
/// BenchmarkDotNet class; until it exists this class holds no benchmark and the switcher does not list it.
/// <para>
/// The intended shape: for each dialect of <see cref="Dialects"/> and each count of <see cref="TaskCounts"/>, start a
/// <see cref="SampleServer"/> with a <see cref="RequestCounter"/>, point a <see cref="MusicClient"/> at it, wait on
/// that many tasks with the many-task wait API, <see cref="RequestCounter.Reset"/> between rounds, and print
/// <see cref="RequestCounter.Total"/> (and <see cref="RequestCounter.CountStartingWith"/> per route, for example
/// <c>/suno/fetch/</c> against <c>/suno/fetch</c>) per round. The server answers one fixed sample per route today; the
/// wait rounds need answers for many ids (native v2's feed must hold every clip asked for), so it will need a
/// responder per request.
/// </para>
/// </summary>
public static class WaitRoundBenchmarks
{
    /// <summary>How many tasks one wait covers.</summary>
    public static IReadOnlyList<int> TaskCounts { get; } = [1, 10, 100, 1000];

    /// <summary>Every dialect, in the README's order.</summary>
    public static IReadOnlyList<MusicDialect> Dialects { get; } =
        [MusicDialect.GoAmzV35, MusicDialect.GoAmzV30, MusicDialect.Task, MusicDialect.NativeV2];
}
