using BenchmarkDotNet.Running;

namespace Contracts.Benchmarks;

/// <summary>
/// Runs the benchmarks (README, "Benchmarks"):
/// <c>dotnet run -c Release --project tests/Contracts.Benchmarks -- --filter '*'</c>. Any BenchmarkDotNet argument works
/// (<c>--filter '*Parse*'</c>, <c>--anyCategories task</c>, <c>--job dry</c>, <c>--list flat</c>).
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
#if DEBUG
        Console.Error.WriteLine("The benchmarks measure optimized code only: run them with -c Release.");
        return 2;
#else
        var jobChosen = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create(jobChosen));
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
#endif
    }
}
