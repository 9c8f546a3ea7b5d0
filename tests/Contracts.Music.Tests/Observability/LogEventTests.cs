using Contracts.Music.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Contracts.Music.Tests.Observability;

/// <summary>
/// The source-generated log events with the ids README "Observability" documents: a submit and its task id, each retry
/// with its reason and delay, Retry-After honoured, status changes, a task's end, drift (once per distinct item),
/// failures, a wait given up; and never the key, even when the vendor echoes it.
/// </summary>
public sealed class LogEventTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    private static string Task(string id, string status, string progress = "50%", string extra = "") =>
        $$$"""{"code":"success","message":"","data":{"task_id":"{{{id}}}","action":"MUSIC","status":"{{{status}}}","progress":"{{{progress}}}"{{{extra}}},"data":[]}}""";

    private static (MusicClient Client, FakeLogCollector Logs) Client(ScriptedVendorServer server, string vendor, string apiKey = TestKeys.ApiKey)
    {
        var logs = new FakeLogCollector();
        var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        var options = new MusicClientOptions { BaseUrl = server.BaseAddress, Dialect = MusicDialect.Task, ApiKey = apiKey, VendorName = vendor };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        return (new MusicClient(options, loggers), logs);
    }

    private static string NewVendor() => "logs-" + Guid.NewGuid().ToString("N")[..8];

    private static IReadOnlyList<FakeLogRecord> Events(FakeLogCollector logs, int id) =>
        [.. logs.GetSnapshot().Where(r => r.Id.Id == id && r.Category == MusicDiagnostics.LoggerCategory)];

    [Fact]
    public async Task A_song_from_submit_to_its_end_logs_the_task_id_the_retries_with_their_reason_and_each_status()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/submit/music", Samples.Read("task", "submitMusic.response.json"));
        const string id = "736a6f88-bd29-4b1e-b110-37132a5325ac";
        server.Script("GET", "/suno/fetch/" + id,
            new Reply(429, "{}") { Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } },
            new Reply(502, "<html>bad gateway</html>", "text/html"),
            Reply.Json(Task(id, "IN_PROGRESS")),
            Reply.Json(Task(id, "SUCCESS", "100%")));
        var vendor = NewVendor();
        var (client, logs) = Client(server, vendor);
        using var _ = client;

        var taskId = await client.SubmitAsync(new MusicRequest { Description = "a calm song" }, Ct);
        await client.WaitForCompletionAsync(taskId, new MusicWaitOptions { PollInterval = TimeSpan.FromMilliseconds(10) }, Ct);

        var submitted = Assert.Single(Events(logs, 1001));
        Assert.Equal((LogLevel.Information, "Submitted", id), (submitted.Level, submitted.Id.Name, submitted.GetStructuredStateValue("TaskId")));
        Assert.Equal($"{vendor} (task) submit accepted: task {id}", submitted.Message);

        var retries = Events(logs, 1002);
        Assert.Equal([("1", "http_429"), ("2", "http_502")], retries.Select(r => (r.GetStructuredStateValue("Attempt")!, r.GetStructuredStateValue("Reason")!)));
        Assert.All(retries, r => Assert.Equal(("fetchTask", LogLevel.Warning), (r.GetStructuredStateValue("Operation"), r.Level)));
        var honoured = Assert.Single(Events(logs, 1003));
        Assert.Equal("0", honoured.GetStructuredStateValue("RetryAfterMs"));

        Assert.Equal(["running", "succeeded"], Events(logs, 1004).Select(r => r.GetStructuredStateValue("Status")));
        var finished = Assert.Single(Events(logs, 1007));
        Assert.Equal((id, "succeeded"), (finished.GetStructuredStateValue("TaskId"), finished.GetStructuredStateValue("Status")));
    }

    [Fact]
    public async Task Drift_is_logged_once_per_distinct_item_however_often_it_is_met()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/t1", Task("t1", "REVIEWING", extra: ""","submit_time":"soon" """));
        var vendor = NewVendor();
        var (client, logs) = Client(server, vendor);
        using var _ = client;

        for (var i = 0; i < 3; i++)
            await client.GetTaskAsync("t1", Ct);

        var drift = Events(logs, 1005);
        Assert.Equal([("SunoTask.status", "UnknownValue"), ("SunoTask.submit_time", "UnexpectedType")],
            drift.Select(r => (r.GetStructuredStateValue("Path")!, r.GetStructuredStateValue("Kind")!)).Order());
        Assert.All(drift, r => Assert.Equal((LogLevel.Warning, "fetchTask"), (r.Level, r.GetStructuredStateValue("Operation"))));
        Assert.Contains("\"REVIEWING\"", drift.Single(r => r.GetStructuredStateValue("Path") == "SunoTask.status").Message);
    }

    [Fact]
    public async Task A_failure_and_a_wait_given_up_are_logged_with_what_a_caller_needs_and_never_the_key()
    {
        const string key = "sk-canary-0a1b2c3d4e5f6789";
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/submit/music", $$"""{"code":"invalid_key","message":"key {{key}} is not valid","data":"t9"}""", 401);
        server.Answer("GET", "/suno/fetch/t1", Task("t1", "stuck " + key));
        var vendor = NewVendor();
        var (client, logs) = Client(server, vendor, key);
        using var _ = client;

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.SubmitAsync(new MusicRequest { Description = "a calm song" }, Ct));
        await Assert.ThrowsAsync<MusicWaitTimeoutException>(() => client.WaitForCompletionAsync("t1",
            new MusicWaitOptions { PollInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromMilliseconds(100) }, Ct));

        var failed = Assert.Single(Events(logs, 1006));
        Assert.Equal((LogLevel.Error, "submitMusic", "HttpError", "401", "t9"),
            (failed.Level, failed.GetStructuredStateValue("Operation"), failed.GetStructuredStateValue("Kind"), failed.GetStructuredStateValue("Status"), failed.GetStructuredStateValue("TaskId")));
        Assert.Equal("t9", error.TaskId);
        var gaveUp = Assert.Single(Events(logs, 1008));
        Assert.Equal("t1", gaveUp.GetStructuredStateValue("TaskIds"));

        var everything = string.Join('\n', logs.GetSnapshot().Select(r => r.Message + " " + string.Join(' ', r.StructuredState?.Select(kv => kv.Value) ?? [])));
        Assert.Contains("stuck", everything);
        Assert.DoesNotContain(key, everything);
        Assert.DoesNotContain(key[..(key.Length / 2)], everything);
    }
}
