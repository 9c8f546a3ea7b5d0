using Xunit.Abstractions;

namespace Contracts.Music.Tests.Fuzz;

/// <summary>
/// Seeded mutations of every response and callback sample through the facade's saved-payload readers
/// (<see cref="MusicClient.ReadPayload"/>, <see cref="MusicClient.ReadCallback"/>), which must give only their
/// documented outcomes (<see cref="ReaderOracle"/>). <c>CONTRACTS_FUZZ_CASES</c> sets how many cases run (a soak:
/// 100000), <c>CONTRACTS_FUZZ_SEED</c> the first seed; a failure names the seeds that hit it and how to replay one.
/// </summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    internal const int DefaultCases = 3000;

    [Fact]
    public async Task Every_mutated_sample_reads_to_tasks_or_a_documented_exception()
    {
        var run = await FuzzRun.ExecuteAsync(FuzzSettings.BaseSeed, FuzzSettings.Cases(DefaultCases), (seed, _) => ValueTask.FromResult(Run(seed)));

        output.WriteLine(run.Summary);
        Assert.True(run.Findings.Count == 0, run.Report(nameof(ReaderFuzzTests)));
    }

    [Fact]
    public void A_case_is_the_same_for_the_same_seed()
    {
        for (var seed = FuzzSettings.DefaultSeed; seed < FuzzSettings.DefaultSeed + 50; seed++)
        {
            var first = Create(seed);
            var again = Create(seed);
            Assert.Equal(first.Describe(), again.Describe());
            Assert.Equal(first.Text, again.Text);
        }
    }

    /// <summary>
    /// One case by its seed, to step through in a debugger: put a failing run's seed in an <c>InlineData</c> (or run
    /// the whole test with <c>CONTRACTS_FUZZ_SEED=&lt;seed&gt; CONTRACTS_FUZZ_CASES=1</c>). A seed names a case of this
    /// corpus and this mutator; what a fixed finding must keep doing is pinned by a test with the payload written out
    /// (<see cref="ReaderFuzzFindingTests"/>).
    /// </summary>
    [Theory]
    [InlineData(FuzzSettings.DefaultSeed)]
    public void Replay(int seed)
    {
        var result = Run(seed);

        Assert.True(result.Finding is null, $"{result.Finding}\n{result.Details}");
    }

    internal static CaseResult Run(int seed) => ReaderOracle.Check(Create(seed));

    private static FuzzCase Create(int seed) => JsonMutator.Create(seed, FuzzCorpus.ReaderSamples, mutateBytes: false, switchReader: true);
}
