using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Contracts.Music.Tests.Fuzz;

/// <summary>How one case ended: an outcome (for the run's tally) and, when it broke the contract, a finding.</summary>
/// <param name="Seed">The case's seed.</param>
/// <param name="Outcome">What happened, as a tally label ("tasks", "MusicApiException InvalidResponse", "Malformed", ...).</param>
/// <param name="Finding">Null when the outcome is a documented one; otherwise what broke, short enough to group cases by.</param>
/// <param name="Details">For a finding: the case (seed, sample, mutations, text) and the exception.</param>
internal sealed record CaseResult(int Seed, string Outcome, string? Finding = null, string? Details = null)
{
    public static CaseResult Broke(FuzzCase fuzz, string finding, Exception? error = null, string? more = null) =>
        new(fuzz.Seed, "finding", finding, fuzz.Describe() + (more is null ? "" : "\n" + more) + (error is null ? "" : "\nexception: " + error));

    /// <summary>Where an exception came from: its type and the innermost method of ours on its stack.</summary>
    public static string Where(Exception error)
    {
        var frame = new StackTrace(error, fNeedFileInfo: false).GetFrames()
            .Select(f => f.GetMethod())
            .FirstOrDefault(m => m?.DeclaringType?.FullName is { } type && type.StartsWith("Contracts.", StringComparison.Ordinal) && !type.StartsWith("Contracts.Music.Tests", StringComparison.Ordinal));
        return frame is null ? error.GetType().Name : $"{error.GetType().Name} in {frame.DeclaringType!.FullName}.{frame.Name}";
    }
}

/// <summary>Runs cases <c>base .. base + count - 1</c> on every core and tallies them; reports each distinct finding once, with the cases that hit it.</summary>
internal sealed class FuzzRun
{
    private const int Chunk = 250;
    private const int ExamplesShown = 12;

    private FuzzRun(int baseSeed, int cases, IReadOnlyDictionary<string, int> outcomes, IReadOnlyList<CaseResult> findings)
    {
        BaseSeed = baseSeed;
        Cases = cases;
        Outcomes = outcomes;
        Findings = findings;
    }

    public int BaseSeed { get; }

    public int Cases { get; }

    public IReadOnlyDictionary<string, int> Outcomes { get; }

    /// <summary>Every case that broke the contract, by seed.</summary>
    public IReadOnlyList<CaseResult> Findings { get; }

    public static async Task<FuzzRun> ExecuteAsync(int baseSeed, int cases, Func<int, CancellationToken, ValueTask<CaseResult>> run)
    {
        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var findings = new ConcurrentBag<CaseResult>();
        var chunks = (cases + Chunk - 1) / Chunk;
        await Parallel.ForEachAsync(Enumerable.Range(0, chunks), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (chunk, _) =>
        {
            // One token per chunk: a fresh one per case would start a timer per case.
            var token = TestCancellation.Token;
            for (var i = chunk * Chunk; i < Math.Min(cases, (chunk + 1) * Chunk); i++)
            {
                var seed = unchecked(baseSeed + i);
                CaseResult result;
                try
                {
                    result = await run(seed, token);
                }
                catch (Exception error)
                {
                    result = new CaseResult(seed, "finding", "the fuzz harness failed: " + CaseResult.Where(error), $"seed {seed}\nexception: {error}");
                }
                outcomes.AddOrUpdate(result.Finding is null ? result.Outcome : "finding", 1, (_, n) => n + 1);
                if (result.Finding is not null)
                    findings.Add(result);
            }
        });
        return new FuzzRun(baseSeed, cases, outcomes, [.. findings.OrderBy(f => f.Seed)]);
    }

    /// <summary>The tally, one outcome a line.</summary>
    public string Summary =>
        $"{Cases:N0} cases from seed {BaseSeed}:\n" + string.Join("\n", Outcomes.OrderByDescending(o => o.Value).Select(o => $"  {o.Value,8:N0}  {o.Key}"));

    /// <summary>Each distinct finding: how many cases hit it, their seeds, the first one in full, and how to replay it.</summary>
    public string Report(string testClass)
    {
        var text = new StringBuilder();
        var groups = Findings.GroupBy(f => f.Finding!).OrderByDescending(g => g.Count()).ToList();
        text.AppendLine($"{Findings.Count:N0} of {Cases:N0} cases (seeds {BaseSeed}..{unchecked(BaseSeed + Cases - 1)}) broke the contract, in {groups.Count} distinct way(s):");
        foreach (var group in groups)
        {
            var first = group.First();
            text.AppendLine();
            text.AppendLine($"[{group.Count():N0} case(s)] {group.Key}");
            text.AppendLine($"  seeds: {string.Join(", ", group.Take(ExamplesShown).Select(f => f.Seed))}{(group.Count() > ExamplesShown ? ", …" : "")}");
            text.AppendLine($"  {FuzzSettings.ReplayHint(first.Seed, testClass)}");
            text.AppendLine("  first case: " + Indent(Cut(first.Details ?? "", 6000)));
        }
        text.AppendLine();
        text.Append(Summary);
        return text.ToString();
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private static string Indent(string text) => text.Replace("\n", "\n    ", StringComparison.Ordinal);
}
