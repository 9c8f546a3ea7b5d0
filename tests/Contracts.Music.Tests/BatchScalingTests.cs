using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Contracts.Music.Tests;

/// <summary>
/// Batch reads scale: they are split within each dialect's limits (BatchSize ids per POST /suno/fetch, a URL budget per
/// feed call), results keep the order asked, and waiting on many tasks costs one batched read per round where the
/// dialect has one. Answers are built from the ids each request asks for, by a loopback server that counts requests.
/// </summary>
public sealed class BatchScalingTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    private static readonly MusicWaitOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.FromMinutes(1) };

    [Fact]
    public async Task Task_batch_reads_carry_at_most_BatchSize_ids_each_and_keep_the_order_asked()
    {
        await using var vendor = await CountingVendor.StartAsync(MusicDialect.Task, readsUntilDone: 1);
        using var client = vendor.Server.CreateClient(MusicDialect.Task, configure: o => o.BatchSize = 50);
        var ids = Ids(120);

        var tasks = await client.GetTasksAsync(ids, Ct);

        Assert.Equal(ids, tasks.Select(t => t.Id));
        var requests = vendor.Server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.True(JsonNode.Parse(r.Body)!["ids"]!.AsArray().Count <= 50));
    }

    [Fact]
    public async Task Native_feed_reads_are_split_so_that_every_url_stays_short_and_keep_the_order_asked()
    {
        await using var vendor = await CountingVendor.StartAsync(MusicDialect.NativeV2, readsUntilDone: 1);
        using var client = vendor.Server.CreateClient(MusicDialect.NativeV2);
        var ids = Ids(1000);

        var tasks = await client.GetTasksAsync(ids, Ct);

        Assert.Equal(ids, tasks.Select(t => t.Id));
        var requests = vendor.Server.Requests;
        // 1,000 ids of 36 characters, each 39 once escaped and joined: 48 per call fit 1,900 characters.
        Assert.Equal((int)Math.Ceiling(1000 / 48.0), requests.Count);
        Assert.All(requests, r => Assert.True(vendor.Server.BaseAddress.AbsoluteUri.Length + r.Path.Length + r.Query.Length <= 2048, $"{r.Query.Length} characters of query"));
        Assert.Equal(1000, requests.Sum(r => Uri.UnescapeDataString(r.Query["?ids=".Length..]).Split(',').Length));
    }

    [Theory]
    [InlineData(MusicDialect.Task, 1)]
    [InlineData(MusicDialect.Task, 10)]
    [InlineData(MusicDialect.Task, 100)]
    [InlineData(MusicDialect.NativeV2, 1)]
    [InlineData(MusicDialect.NativeV2, 10)]
    [InlineData(MusicDialect.NativeV2, 100)]
    [InlineData(MusicDialect.GoAmzV35, 10)]
    [InlineData(MusicDialect.GoAmzV30, 10)]
    public async Task Waiting_on_many_tasks_costs_one_batched_read_per_round_where_the_dialect_has_one(MusicDialect dialect, int count)
    {
        // Every task is running on its first read and finished on its second: two rounds.
        await using var vendor = await CountingVendor.StartAsync(dialect, readsUntilDone: 2);
        using var client = vendor.Server.CreateClient(dialect, configure: o => o.BatchSize = 50);
        var ids = Ids(count);

        var done = await client.WaitForCompletionAsync(ids, Fast, Ct);

        Assert.Equal(ids, done.Select(t => t.Id));
        Assert.All(done, t => Assert.Equal(MusicTaskStatus.Succeeded, t.Status));
        var perRound = dialect switch
        {
            MusicDialect.Task => (int)Math.Ceiling(count / 50.0),
            MusicDialect.NativeV2 => (int)Math.Ceiling(count / 48.0),
            _ => count,
        };
        Assert.Equal(2 * perRound, vendor.Server.Requests.Count);
    }

    [Fact]
    public async Task Watching_many_tasks_yields_each_change_once_and_ends_when_all_finished()
    {
        await using var vendor = await CountingVendor.StartAsync(MusicDialect.Task, readsUntilDone: 3);
        using var client = vendor.Server.CreateClient(MusicDialect.Task);
        var seen = new List<(string Id, MusicTaskStatus Status)>();

        await foreach (var task in client.WatchAsync(["a", "b", "a"], Fast, Ct))
            seen.Add((task.Id, task.Status));

        // Running (progress 1), running (progress 2), succeeded, for each of the two distinct ids.
        Assert.Equal(6, seen.Count);
        Assert.Equal(2, seen.Count(s => s.Status == MusicTaskStatus.Succeeded));
        Assert.Equal(3, vendor.Server.Requests.Count);
    }

    [Fact]
    public async Task Waiting_on_many_tasks_times_out_naming_the_unfinished_ones()
    {
        await using var vendor = await CountingVendor.StartAsync(MusicDialect.Task, readsUntilDone: int.MaxValue);
        using var client = vendor.Server.CreateClient(MusicDialect.Task);

        var error = await Assert.ThrowsAsync<MusicWaitTimeoutException>(() => client.WaitForCompletionAsync(["slow-1", "slow-2"],
            new MusicWaitOptions { PollInterval = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.FromMilliseconds(100) }, Ct));

        Assert.Contains("2 of 2 task(s) unfinished", error.Message);
        Assert.Equal(["slow-1", "slow-2"], error.TaskIds);
    }

    [Theory]
    [InlineData(MusicDialect.Task, "/suno/fetch", """{"code":"success","message":"","data":[{"task_id":"t1","action":"MUSIC","status":"SUCCESS","progress":"100%","data":[]},{"task_id":"t1","action":"MUSIC","status":"SUCCESS","progress":"100%","data":[]}]}""")]
    [InlineData(MusicDialect.NativeV2, "/suno/v2/feed", """[{"id":"t1","status":"complete","audio_url":"https://cdn/1.mp3","title":"","model_name":"chirp-v3","metadata":{"prompt":""}},{"id":"t1","status":"complete","audio_url":"https://cdn/1.mp3","title":"","model_name":"chirp-v3","metadata":{"prompt":""}}]""")]
    public async Task A_batch_answer_listing_a_task_twice_is_read_once(MusicDialect dialect, string path, string body)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer(dialect == MusicDialect.Task ? "POST" : "GET", path, body);
        using var client = server.CreateClient(dialect);

        var tasks = await client.GetTasksAsync(["t1"], Ct);

        Assert.Equal("t1", Assert.Single(tasks).Id);
    }

    private static List<string> Ids(int count) => [.. Enumerable.Range(0, count).Select(i => new Guid(i, 0, 0, new byte[8]).ToString())];

    /// <summary>A vendor whose tasks finish after a number of reads each, answering every batch from the ids it asks for.</summary>
    private sealed class CountingVendor : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, int> _reads = new();
        private readonly int _readsUntilDone;

        private CountingVendor(ScriptedVendorServer server, int readsUntilDone)
        {
            Server = server;
            _readsUntilDone = readsUntilDone;
        }

        public ScriptedVendorServer Server { get; }

        public static async Task<CountingVendor> StartAsync(MusicDialect dialect, int readsUntilDone)
        {
            var vendor = new CountingVendor(await ScriptedVendorServer.StartAsync(Ct), readsUntilDone);
            var server = vendor.Server;
            switch (dialect)
            {
                case MusicDialect.Task:
                    server.Respond("POST", "/suno/fetch", r => Reply.Json(new JsonObject
                    {
                        ["code"] = "success", ["message"] = "",
                        ["data"] = new JsonArray([.. JsonNode.Parse(r.Body)!["ids"]!.AsArray().Select(id => vendor.Task(id!.GetValue<string>()))]),
                    }.ToJsonString()));
                    break;
                case MusicDialect.NativeV2:
                    server.Respond("GET", "/suno/v2/feed", r => Reply.Json(new JsonArray(
                        [.. Uri.UnescapeDataString(r.Query["?ids=".Length..]).Split(',').Select(id => vendor.Clip(id))]).ToJsonString()));
                    break;
                default:
                    var prefix = dialect == MusicDialect.GoAmzV35 ? "/suno/v1/music/" : "/suno/v1/v3.0/music/";
                    server.Respond("GET", prefix, r => Reply.Json(vendor.GoAmzTask(r.Path[prefix.Length..])));
                    break;
            }
            return vendor;
        }

        private (bool Done, int Read) Next(string id)
        {
            var read = _reads.AddOrUpdate(id, 1, (_, n) => n + 1);
            return (read >= _readsUntilDone, read);
        }

        private JsonNode Task(string id)
        {
            var (done, read) = Next(id);
            return new JsonObject
            {
                ["task_id"] = id, ["action"] = "MUSIC", ["status"] = done ? "SUCCESS" : "IN_PROGRESS", ["progress"] = done ? "100%" : $"{read}%",
                ["data"] = new JsonArray(),
            };
        }

        private JsonNode Clip(string id)
        {
            var (done, _) = Next(id);
            return new JsonObject
            {
                ["id"] = id, ["status"] = done ? "complete" : "streaming", ["audio_url"] = $"https://cdn.example/{id}.mp3", ["title"] = "t",
                ["model_name"] = "chirp-v3", ["metadata"] = new JsonObject { ["prompt"] = "" },
            };
        }

        private string GoAmzTask(string id)
        {
            var (done, _) = Next(id);
            return JsonSerializer.Serialize(new { code = 200, message = "", data = new { task_id = id, status = done ? "completed" : "processing", input = "{}", clips = new { } } });
        }

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
