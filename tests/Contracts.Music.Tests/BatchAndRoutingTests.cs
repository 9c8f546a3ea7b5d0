namespace Contracts.Music.Tests;

/// <summary>Batch reads use one call where the dialect has one; vendor path prefixes and base paths reach the wire.</summary>
public sealed class BatchAndRoutingTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    [Fact]
    public async Task Task_dialect_reads_many_tasks_in_one_call_in_the_order_asked()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/fetch", Samples.Read("task", "fetchTasks.response.ours.json"));
        using var client = server.CreateClient(MusicDialect.Task);

        var tasks = await client.GetTasksAsync(["task_01J3ZK5XQ8V6M2N4P7R9T1W3Y5A8C0E2", "736a6f88-bd29-4b1e-b110-37132a5325ac"], Ct);

        Assert.Equal(["task_01J3ZK5XQ8V6M2N4P7R9T1W3Y5A8C0E2", "736a6f88-bd29-4b1e-b110-37132a5325ac"], tasks.Select(t => t.Id));
        Assert.NotNull(tasks[0].Lyrics);
        Assert.Equal(2, tasks[1].Clips.Count);
        var request = Assert.Single(server.Requests);
        JsonAssert.Equivalent("""{"ids":["task_01J3ZK5XQ8V6M2N4P7R9T1W3Y5A8C0E2","736a6f88-bd29-4b1e-b110-37132a5325ac"]}""", request.Body);
    }

    [Fact]
    public async Task A_task_missing_from_a_batch_answer_is_an_error_naming_it()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/fetch", Samples.Read("task", "fetchTasks.response.ours.json"));
        using var client = server.CreateClient(MusicDialect.Task);

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GetTasksAsync(["736a6f88-bd29-4b1e-b110-37132a5325ac", "gone"], Ct));

        Assert.Equal("fetchTasks", error.Operation);
        Assert.Contains("gone", error.Message);
    }

    [Fact]
    public async Task Native_reads_many_tasks_with_one_feed_call()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/v2/feed", Samples.Read("native-v2", "getFeed.response.ours.json"));
        using var client = server.CreateClient(MusicDialect.NativeV2);

        var tasks = await client.GetTasksAsync(["00e6b9e4-c29c-4cfe-8d7a-5b3f06ff5b90", "7070ec00-462e-42ac-9b9f-1074977f473f"], Ct);

        Assert.Equal([MusicTaskStatus.Streaming, MusicTaskStatus.Succeeded], tasks.Select(t => t.Status));
        var request = Assert.Single(server.Requests);
        Assert.Equal("?ids=" + Uri.EscapeDataString("00e6b9e4-c29c-4cfe-8d7a-5b3f06ff5b90,7070ec00-462e-42ac-9b9f-1074977f473f"), request.Query);
    }

    [Fact]
    public async Task GoAmz_reads_one_call_per_id_at_most_the_configured_number_at_once()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        var sample = Samples.Read("goamz-v3.5", "getMusic.response.json");
        var ids = Enumerable.Range(1, 6).Select(i => $"t{i}").ToList();
        foreach (var id in ids)
            server.Script("GET", $"/suno/v1/music/{id}", Reply.Json(JsonAssert.Edit(sample, r => r["data"]!["task_id"] = id)) with { Delay = TimeSpan.FromMilliseconds(50) });
        using var client = server.CreateClient(MusicDialect.GoAmzV35, configure: o => o.MaxConcurrentReads = 2);

        var tasks = await client.GetTasksAsync(ids, Ct);

        Assert.Equal(ids, tasks.Select(t => t.Id));
        Assert.Equal(6, server.Requests.Count);
    }

    [Fact]
    public async Task A_vendor_path_prefix_and_base_path_reach_the_wire()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/relay/suno/v1/mv-3.5/music/t1", JsonAssert.Edit(Samples.Read("goamz-v3.5", "getMusic.response.json"), r => r["data"]!["task_id"] = "t1"));
        using var client = new MusicClient(new MusicClientOptions
        {
            BaseUrl = new Uri(server.BaseAddress, "relay"), Dialect = MusicDialect.GoAmzV35, PathPrefix = "/suno/v1/mv-3.5/", ApiKey = TestKeys.ApiKey,
        });

        var task = await client.GetTaskAsync("t1", Ct);

        Assert.Equal("t1", task.Id);
        Assert.Equal("/relay/suno/v1/mv-3.5/music/t1", Assert.Single(server.Requests).Path);
        Assert.Equal("127.0.0.1", client.Vendor); // a custom vendor is named after its host unless VendorName says otherwise
    }
}
