using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Contracts.Benchmarks.Infrastructure;
using Contracts.Music;

namespace Contracts.Benchmarks;

/// <summary>
/// Requests per round when waiting on 1/10/100/1000 tasks per dialect: <c>IMusicClient.WaitForCompletionAsync</c>
/// over N ids against a loopback vendor whose tasks are already finished, so the wait is one round. The
/// <c>Requests</c> column is what that round sent (counted by the server in setup); <c>Goal</c> is ceil(N / batch) for
/// a dialect with a batch read (task: <see cref="MusicClientOptions.DefaultBatchSize"/> ids per POST /suno/fetch;
/// native v2: the ids that fit the feed's URL budget, 48 of these 36-character ids) and N for GoAmz, which has none.
/// The time columns say what one round costs.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RoundColumns))]
public class WaitRoundBenchmarks
{
    private static readonly Dictionary<string, (long Requests, int Goal)> s_counts = [];
    private RoundServer _server = null!;
    private MusicClient _client = null!;
    private List<string> _ids = null!;

    [Params(MusicDialect.GoAmzV35, MusicDialect.GoAmzV30, MusicDialect.Task, MusicDialect.NativeV2)]
    public MusicDialect Dialect { get; set; }

    [Params(1, 10, 100, 1000)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await RoundServer.StartAsync();
        _client = _server.CreateClient(Dialect);
        _ids = [.. Enumerable.Range(0, Tasks).Select(i => new Guid(i, 0, 0, new byte[8]).ToString())];
        var done = await _client.WaitForCompletionAsync(_ids);
        if (done.Count != Tasks || done.Any(t => !t.IsCompleted))
            throw new InvalidOperationException($"{Dialect}: the round did not finish {Tasks} tasks.");
        s_counts[Key(Dialect, Tasks)] = (_server.Counter.Total, Goal(Dialect, Tasks));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark]
    public Task<IReadOnlyList<MusicTask>> WaitOneRound() => _client.WaitForCompletionAsync(_ids);

    private static string Key(MusicDialect dialect, int tasks) => $"{dialect}/{tasks}";

    private static int Goal(MusicDialect dialect, int tasks) => dialect switch
    {
        MusicDialect.Task => (tasks + MusicClientOptions.DefaultBatchSize - 1) / MusicClientOptions.DefaultBatchSize,
        MusicDialect.NativeV2 => (tasks + 47) / 48,
        _ => tasks,
    };

    private sealed class RoundColumns : ManualConfig
    {
        public RoundColumns() => AddColumn(new CountColumn("Requests", c => c.Requests), new CountColumn("Goal", c => c.Goal));
    }

    private sealed class CountColumn(string name, Func<(long Requests, int Goal), long> pick) : IColumn
    {
        public string Id => "WaitRound" + name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => name == "Requests" ? "Requests one wait round sent" : "ceil(N / batch) for a batching dialect, N otherwise";
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var dialect = (MusicDialect)benchmarkCase.Parameters["Dialect"];
            var tasks = (int)benchmarkCase.Parameters["Tasks"];
            return s_counts.TryGetValue(Key(dialect, tasks), out var counts) ? pick(counts).ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
        }
    }
}
