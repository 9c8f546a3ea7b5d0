using System.Diagnostics;
using Contracts.Music.Tests.Infrastructure;

namespace Contracts.Music.Tests.Observability;

/// <summary>
/// Spans and metrics as an OpenTelemetry exporter would see them, through real listeners: a span per facade operation
/// with the HTTP spans under it, requests, retries and tasks counted, durations recorded, drift counted by where it
/// was met; and the key in none of it.
/// </summary>
public sealed class TelemetryTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    private static string Task(string id, string status, string progress = "50%", string extra = "") =>
        $$$"""{"task_id":"{{{id}}}","action":"MUSIC","status":"{{{status}}}","progress":"{{{progress}}}"{{{extra}}},"data":[]}""";

    private static string Envelope(string data) => $$$"""{"code":"success","message":"","data":{{{data}}}}""";

    private static MusicClient Client(ScriptedVendorServer server, string vendor, string apiKey = TestKeys.ApiKey) =>
        server.CreateClient(MusicDialect.Task, apiKey, o => o.VendorName = vendor);

    private static string NewVendor() => "telemetry-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_read_is_one_span_with_the_http_span_under_it_a_counted_request_and_a_recorded_duration()
    {
        using var recorder = new TelemetryRecorder();
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/t1", Envelope(Task("t1", "IN_PROGRESS")));
        var vendor = NewVendor();
        using var client = Client(server, vendor);

        await client.GetTaskAsync("t1", Ct);

        var span = Assert.Single(recorder.Spans(vendor));
        Assert.Equal("music.get_task", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(
            [("music.dialect", "task"), ("music.operation", "get_task"), ("music.outcome", "ok"), ("music.task_id", "t1"), ("music.vendor", vendor), ("server.address", "127.0.0.1")],
            span.TagObjects.Select(t => (t.Key, t.Value?.ToString())).Order());
        var http = Assert.Single(recorder.HttpSpansUnder(span));
        Assert.Equal(200, Convert.ToInt32(http.GetTagItem("http.response.status_code")));

        var request = Assert.Single(recorder.Measurements(MusicDiagnostics.RequestsInstrument, vendor));
        Assert.Equal((1, "task", "fetchTask", "ok"), (request.Value, request.Tag("music.dialect"), request.Tag("music.operation"), request.Tag("music.outcome")));
        var duration = Assert.Single(recorder.Measurements(MusicDiagnostics.DurationInstrument, vendor));
        Assert.Equal("get_task", duration.Tag("music.operation"));
        Assert.Null(duration.Tag("error.type"));
        Assert.InRange(duration.Value, 0, 60);
    }

    [Fact]
    public async Task A_retried_read_counts_its_retry_and_a_failed_paid_call_marks_its_span_and_metrics_with_the_error()
    {
        using var recorder = new TelemetryRecorder();
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Script("GET", "/suno/fetch/t1", new Reply(503, "{}"), Reply.Json(Envelope(Task("t1", "IN_PROGRESS"))));
        server.Answer("POST", "/suno/submit/music", """{"code":"upstream_error","message":"boom","data":null}""", 500);
        var vendor = NewVendor();
        using var client = Client(server, vendor);

        await client.GetTaskAsync("t1", Ct);
        await Assert.ThrowsAsync<MusicApiException>(() => client.SubmitAsync(new MusicRequest { Description = "a calm song" }, Ct));

        var retry = Assert.Single(recorder.Measurements(MusicDiagnostics.RetriesInstrument, vendor));
        Assert.Equal(("fetchTask", "http_503"), (retry.Tag("music.operation"), retry.Tag("music.retry.reason")));
        var read = recorder.Spans(vendor).Single(s => s.DisplayName == "music.get_task");
        Assert.Equal(2, recorder.HttpSpansUnder(read).Count);

        var submit = recorder.Spans(vendor).Single(s => s.DisplayName == "music.submit");
        Assert.Equal(ActivityStatusCode.Error, submit.Status);
        Assert.Equal("http_error", submit.GetTagItem("error.type"));
        Assert.Equal("error", submit.GetTagItem("music.outcome"));
        Assert.Contains("boom", submit.StatusDescription);
        Assert.Single(recorder.HttpSpansUnder(submit));
        Assert.Equal(["http_error"], recorder.Measurements(MusicDiagnostics.RequestsInstrument, vendor).Where(m => m.Tag("music.operation") == "submitMusic").Select(m => m.Tag("music.outcome")));
        Assert.Equal("http_error", recorder.Measurements(MusicDiagnostics.DurationInstrument, vendor).Single(m => m.Tag("music.operation") == "submit").Tag("error.type"));
    }

    [Fact]
    public async Task A_wait_counts_each_task_once_by_its_final_status()
    {
        using var recorder = new TelemetryRecorder();
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Script("POST", "/suno/fetch",
            Reply.Json($$"""{"code":"success","message":"","data":[{{Task("t1", "IN_PROGRESS")}},{{Task("t2", "IN_PROGRESS")}}]}"""),
            Reply.Json($$"""{"code":"success","message":"","data":[{{Task("t1", "SUCCESS", "100%")}},{{Task("t2", "FAILURE", "100%")}}]}"""));
        var vendor = NewVendor();
        using var client = Client(server, vendor);

        var tasks = await client.WaitForCompletionAsync(["t1", "t2"], new MusicWaitOptions { PollInterval = TimeSpan.FromMilliseconds(10) }, Ct);

        Assert.Equal([MusicTaskStatus.Succeeded, MusicTaskStatus.Failed], tasks.Select(t => t.Status));
        Assert.Equal(["failed", "succeeded"], recorder.Measurements(MusicDiagnostics.TasksInstrument, vendor).Select(m => m.Tag("music.task.status")).Order());
        var wait = Assert.Single(recorder.Spans(vendor));
        Assert.Equal(("music.wait", 2), (wait.DisplayName, (int)wait.GetTagItem("music.task_count")!));
        // Both polls (one batched read each) are HTTP spans of this wait.
        Assert.Equal(2, recorder.HttpSpansUnder(wait).Count);
    }

    [Fact]
    public async Task Drift_is_counted_each_time_by_vendor_dialect_operation_kind_and_path()
    {
        using var recorder = new TelemetryRecorder();
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/t1", Envelope(Task("t1", "REVIEWING", extra: ""","submit_time":"soon" """)));
        var vendor = NewVendor();
        using var client = Client(server, vendor);

        await client.GetTaskAsync("t1", Ct);
        await client.GetTaskAsync("t1", Ct);

        var drift = recorder.Measurements(MusicDiagnostics.DriftInstrument, vendor);
        Assert.Equal(
            [("SunoTask.status", "unknown_value"), ("SunoTask.status", "unknown_value"), ("SunoTask.submit_time", "unexpected_type"), ("SunoTask.submit_time", "unexpected_type")],
            drift.Select(m => (m.Tag("music.drift.path")!, m.Tag("music.drift.kind")!)).Order());
        Assert.All(drift, m => Assert.Equal(("task", "fetchTask", 1.0), (m.Tag("music.dialect"), m.Tag("music.operation"), m.Value)));
    }

    [Fact]
    public async Task The_key_is_in_no_span_status_or_tag_and_in_no_metric_tag_even_when_the_vendor_echoes_it()
    {
        const string key = "sk-canary-9f8e7d6c5b4a3210";
        using var recorder = new TelemetryRecorder();
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        // The key echoed as the status, in a drifted value, as a member name, in an error message, and as the id of a paid call's task.
        server.Answer("GET", "/suno/fetch/t1", Envelope(Task("t1", "bad key " + key, extra: $$""","submit_time":"{{key}}","{{key}}":1 """)));
        server.Answer("POST", "/suno/submit/music", $$"""{"code":"invalid_key","message":"key {{key}} is not valid","data":null}""", 401);
        server.Answer("POST", "/suno/submit/lyrics", $$"""{"code":"success","message":"","data":"{{key}}"}""");
        server.Answer("GET", "/suno/fetch/" + key, $$"""{"code":"invalid_key","message":"{{key}}","data":null}""", 401);
        var vendor = NewVendor();
        using var client = Client(server, vendor, key);

        await client.GetTaskAsync("t1", Ct);
        await Assert.ThrowsAsync<MusicApiException>(() => client.SubmitAsync(new MusicRequest { Description = "a calm song" }, Ct));
        await Assert.ThrowsAsync<MusicApiException>(() => client.GenerateLyricsAsync("the sea", cancellationToken: Ct));

        // An id holding the key is not put in a URL (proxies, access logs and HttpClient's own span record URLs).
        Assert.Equal(0, server.CountOf("GET", "/suno/fetch/" + key));
        var everything = recorder.EverythingAbout(vendor);
        Assert.Contains("music.submit", everything);
        Assert.Contains("music.generate_lyrics", everything);
        Assert.Contains("music.drift.path=SunoTask.***", everything);
        Assert.DoesNotContain(key, everything);
        Assert.DoesNotContain(key[..(key.Length / 2)], everything);
    }
}
