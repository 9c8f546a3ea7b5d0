using System.Globalization;

namespace Contracts.Music.Tests.Fuzz;

/// <summary>
/// How many fuzz cases run and from which seed. Case <c>i</c> of a run uses the seed <c>base + i</c>, and everything
/// about a case (its sample, its mutations) follows from its seed alone, so a failing case is replayed with
/// <c>CONTRACTS_FUZZ_SEED=&lt;its seed&gt; CONTRACTS_FUZZ_CASES=1</c>.
/// </summary>
internal static class FuzzSettings
{
    /// <summary>The base seed when <c>CONTRACTS_FUZZ_SEED</c> is not set: fixed, so every run (and CI) tries the same cases.</summary>
    public const int DefaultSeed = 1_300_000;

    /// <summary>Cases per fuzz test; <c>CONTRACTS_FUZZ_CASES</c> overrides it (a soak: 100000 or more).</summary>
    public static int Cases(int defaultCount) => Read("CONTRACTS_FUZZ_CASES") is { } cases and > 0 ? cases : defaultCount;

    /// <summary>The seed of case 0; <c>CONTRACTS_FUZZ_SEED</c> overrides it.</summary>
    public static int BaseSeed => Read("CONTRACTS_FUZZ_SEED") ?? DefaultSeed;

    /// <summary>How to run one case again, for failure messages.</summary>
    public static string ReplayHint(int seed, string testClass) =>
        $"replay: CONTRACTS_FUZZ_SEED={seed} CONTRACTS_FUZZ_CASES=1 dotnet test tests/Contracts.Music.Tests --filter FullyQualifiedName~{testClass}";

    private static int? Read(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
