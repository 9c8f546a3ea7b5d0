using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Contracts.Benchmarks.Infrastructure;

namespace Contracts.Benchmarks;

/// <summary>
/// The configuration every run uses, sized for a 2-core machine shared with other work: benchmarks run in this process
/// (no generated project to build), and unless the command line picks a job (<c>--job dry</c>, <c>--job short</c>,
/// ...) one short job that finishes the whole suite in a few minutes. Results go to artifacts/benchmarks/.
/// </summary>
public static class BenchmarkConfig
{
    /// <summary>The job used when the command line names none: 1 launch, 3 warmup and 5 measured iterations of ~0.25 s.</summary>
    public static Job SuiteJob { get; } = Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(5)
        .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
        .WithId("Suite");

    /// <summary>Creates the configuration.</summary>
    /// <param name="commandLineChoosesJob">True when the arguments name a job (then that job runs instead of <see cref="SuiteJob"/>).</param>
    public static IConfig Create(bool commandLineChoosesJob)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            // A mutator applies to every job, the command line's included: always in-process. The default
            // out-of-process toolchain generates and builds a separate project per run, slow here and subject to the
            // repository's build settings (warnings as errors, client generation).
            .AddJob(new Job("InProcess").WithToolchain(InProcessEmitToolchain.Instance).AsMutator())
            .WithArtifactsPath(Path.Combine(Repository.Root, "artifacts", "benchmarks"))
            .WithOptions(ConfigOptions.StopOnFirstError);
        if (!commandLineChoosesJob)
            config.AddJob(SuiteJob);
        return config;
    }
}
