using Xunit.Abstractions;

namespace Contracts.Music.Tests.Fuzz;

/// <summary>
/// Seeded mutations of every sample of the manifest (requests, responses, callbacks) through
/// <see cref="Contracts.Validation.ContractValidator"/>, as a string and as a stream of bytes, which must give only its
/// documented results (<see cref="ValidatorOracle"/>). It runs here, next to the reader's fuzz, because this project
/// has both the facade and the validator; <c>CONTRACTS_FUZZ_CASES</c> and <c>CONTRACTS_FUZZ_SEED</c> apply as there.
/// </summary>
public sealed class ValidatorFuzzTests(ITestOutputHelper output)
{
    internal const int DefaultCases = 1000;

    [Fact]
    public async Task Every_mutated_sample_validates_to_a_documented_result()
    {
        var run = await FuzzRun.ExecuteAsync(FuzzSettings.BaseSeed, FuzzSettings.Cases(DefaultCases), Run);

        output.WriteLine(run.Summary);
        Assert.True(run.Findings.Count == 0, run.Report(nameof(ValidatorFuzzTests)));
    }

    /// <summary>
    /// One case by its seed, to step through in a debugger: put a failing run's seed in an <c>InlineData</c> (or run
    /// the whole test with <c>CONTRACTS_FUZZ_SEED=&lt;seed&gt; CONTRACTS_FUZZ_CASES=1</c>). A seed names a case of this
    /// corpus and this mutator; what a fixed finding must keep doing is pinned by a test with the payload written out
    /// (<see cref="ReaderFuzzFindingTests"/>).
    /// </summary>
    [Theory]
    [InlineData(FuzzSettings.DefaultSeed)]
    public async Task Replay(int seed)
    {
        var result = await Run(seed, TestCancellation.Token);

        Assert.True(result.Finding is null, $"{result.Finding}\n{result.Details}");
    }

    internal static ValueTask<CaseResult> Run(int seed, CancellationToken cancellationToken) =>
        ValidatorOracle.CheckAsync(JsonMutator.Create(seed, FuzzCorpus.ValidatorSamples, mutateBytes: true, switchReader: false), cancellationToken);
}
