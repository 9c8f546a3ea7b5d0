namespace Contracts.Music.Tests;

/// <summary>
/// Issue 13's findings, one test each: options that fail with the documented ArgumentException, requests that stay on
/// their operation's path and on https, paid ids that survive every failure after the paid call, caps and checks on
/// what a vendor sends.
/// </summary>
public sealed class HardeningTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    private static MusicClientOptions Options(Action<MusicClientOptions>? change = null)
    {
        var options = new MusicClientOptions { BaseUrl = new Uri("https://api.example.com/"), Dialect = MusicDialect.Task, ApiKey = TestKeys.ApiKey };
        change?.Invoke(options);
        return options;
    }

    public static TheoryData<string, Action<MusicClientOptions>> BadOptions => new()
    {
        { "plain http", o => o.BaseUrl = new Uri("http://api.example.com/") },
        { "AllowInsecureHttp", o => o.BaseUrl = new Uri("http://10.0.0.5/") },
        { "query or fragment", o => o.BaseUrl = new Uri("https://api.example.com/v1?tenant=a") },
        { "query or fragment", o => o.BaseUrl = new Uri("https://api.example.com/v1#x") },
        { "PathPrefix", o => o.PathPrefix = "../admin" },
        { "PathPrefix", o => o.PathPrefix = "x?y=1" },
        { "PathPrefix", o => o.PathPrefix = "suno/%2e%2e" },
        { "PathPrefix", o => o.PathPrefix = "a\\b" },
        { "AttemptTimeout", o => o.Retry.AttemptTimeout = TimeSpan.Zero },
        { "AttemptTimeout", o => o.Retry.AttemptTimeout = TimeSpan.FromDays(1) },
        { "AttemptTimeout", o => o.Retry.AttemptTimeout = Timeout.InfiniteTimeSpan },
        { "BaseDelay", o => o.Retry.BaseDelay = TimeSpan.FromSeconds(-1) },
        { "MaxRetries", o => o.Retry.MaxRetries = -1 },
        { "line break", o => o.ApiKey = "sk-abc\r\nX-Injected: 1" },
        { "BatchSize", o => o.BatchSize = 0 },
        { "MaxResponseBytes", o => o.MaxResponseBytes = 0 },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_wrong_option_fails_at_construction_with_an_argument_exception_saying_what_to_set(string says, Action<MusicClientOptions> change)
    {
        var error = Assert.Throws<ArgumentException>(() => new MusicClient(Options(change)));

        Assert.Contains(says, error.Message);
        Assert.DoesNotContain(TestKeys.ApiKey, error.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    public void Plain_http_to_this_machine_stays_allowed_for_the_emulator(string url)
    {
        using var client = new MusicClient(Options(o => o.BaseUrl = new Uri(url)));

        Assert.Equal(MusicDialect.Task, client.Dialect);
    }

    [Fact]
    public void Plain_http_to_another_machine_is_allowed_only_when_asked_for()
    {
        using var client = new MusicClient(Options(o => { o.BaseUrl = new Uri("http://10.0.0.5/"); o.AllowInsecureHttp = true; }));

        Assert.Equal(MusicDialect.Task, client.Dialect);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("abc,..")]
    public async Task An_id_that_is_a_path_step_is_refused_before_anything_is_sent(string id)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        using var client = server.CreateClient(MusicDialect.Task);

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTaskAsync(id, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTasksAsync(["ok", id], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.WaitForCompletionAsync(id, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ConcatAsync(id, Ct));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_id_with_path_characters_stays_on_its_operations_path()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.AnswerAll(Reply.Json("""{"code":"task_not_exist","message":"no","data":null}""", 400));
        using var client = server.CreateClient(MusicDialect.Task);

        await Assert.ThrowsAsync<MusicApiException>(() => client.GetTaskAsync("../../admin?x=1#y", Ct));

        var request = Assert.Single(server.Requests);
        Assert.StartsWith("/suno/fetch/", request.Path);
        Assert.Equal("", request.Query);
    }

    [Fact]
    public async Task A_wait_with_no_deadline_waits_instead_of_overflowing()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Script("GET", "/suno/fetch/t1",
            Reply.Json("""{"code":"success","message":"","data":{"task_id":"t1","action":"MUSIC","status":"IN_PROGRESS","progress":"10%","data":[]}}"""),
            Reply.Json("""{"code":"success","message":"","data":{"task_id":"t1","action":"MUSIC","status":"SUCCESS","progress":"100%","data":[]}}"""));
        using var client = server.CreateClient(MusicDialect.Task);

        var task = await client.WaitForCompletionAsync("t1", new MusicWaitOptions { PollInterval = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.MaxValue }, Ct);

        Assert.Equal(MusicTaskStatus.Succeeded, task.Status);
    }

    [Theory]
    [InlineData(MusicDialect.GoAmzV30, "/suno/v1/v3.0/lyrics", "/suno/v1/v3.0/lyrics/L1", """{"code":200,"message":"","data":{"task_id":"L1"}}""")]
    [InlineData(MusicDialect.Task, "/suno/submit/lyrics", "/suno/fetch/L1", """{"code":"success","message":"","data":"L1"}""")]
    [InlineData(MusicDialect.NativeV2, "/suno/v2/generate/lyrics", "/suno/v2/generate/lyrics/L1", """{"id":"L1"}""")]
    public async Task A_lyrics_poll_that_fails_keeps_the_paid_lyrics_task_id(MusicDialect dialect, string submit, string poll, string submitted)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("POST", submit, submitted);
        server.Answer("GET", poll, """{"code":"busy","message":"no"}""", status: 400);
        using var client = server.CreateClient(dialect, configure: o => o.Retry.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GenerateLyricsAsync("rain", cancellationToken: Ct));

        Assert.Equal("L1", error.TaskId);
        Assert.Equal(1, server.CountOf("POST", submit));
    }

    [Fact]
    public async Task A_cancelled_lyrics_wait_keeps_the_paid_lyrics_task_id()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/submit/lyrics", """{"code":"success","message":"","data":"L1"}""");
        using var client = server.CreateClient(MusicDialect.Task);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        // Cancelled while the wait polls, after the paid submit answered: by the poll itself, not by a clock that a
        // loaded machine can run out during the submit.
        server.Respond("GET", "/suno/fetch/L1", _ =>
        {
            cancel.Cancel();
            return Reply.Json("""{"code":"success","message":"","data":{"task_id":"L1","action":"LYRICS","status":"IN_PROGRESS","progress":"0%","data":null}}""");
        });

        var error = await Assert.ThrowsAsync<MusicWaitCanceledException>(() => client.GenerateLyricsAsync("rain",
            new MusicWaitOptions { PollInterval = TimeSpan.FromMilliseconds(10) }, cancel.Token));

        Assert.Equal("L1", error.TaskId);
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(1, server.CountOf("POST", "/suno/submit/lyrics"));
    }

    [Fact]
    public async Task An_upload_step_that_fails_after_the_paid_call_keeps_the_upload_id()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/v2/uploads/audio-url", """{"id":"U1","status":"created"}""");
        server.Answer("POST", "/suno/v2/uploads/audio/U1/upload-finish", "{}");
        server.Answer("GET", "/suno/v2/uploads/audio/U1", """{"detail":"gone"}""", status: 404);
        using var client = server.CreateClient(MusicDialect.NativeV2, configure: o => o.Retry.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.UploadAsync(new Uri("https://cdn.example/a.mp3"), cancellationToken: Ct));

        Assert.Equal("U1", error.TaskId);
    }

    [Fact]
    public async Task A_submit_with_no_answer_says_the_task_may_exist()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Script("POST", "/suno/submit/music", Reply.Json("""{"code":"success","data":"paid"}""") with { Delay = TimeSpan.FromSeconds(30) });
        using var client = server.CreateClient(MusicDialect.Task, configure: o => o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.SubmitAsync(MusicRequest.FromDescription("x"), Ct));

        Assert.Equal(MusicApiErrorKind.Timeout, error.Kind);
        Assert.True(error.OutcomeUnknown);
        Assert.Null(error.TaskId);
        Assert.Contains("may have accepted", error.Message);
        Assert.Equal(1, server.CountOf("POST", "/suno/submit/music"));
    }

    [Fact]
    public async Task A_read_with_no_answer_is_not_an_unknown_outcome()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Script("GET", "/suno/fetch/t1", Reply.Json("{}") with { Delay = TimeSpan.FromSeconds(30) });
        using var client = server.CreateClient(MusicDialect.Task, configure: o => { o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(100); o.Retry.MaxRetries = 0; });

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GetTaskAsync("t1", Ct));

        Assert.False(error.OutcomeUnknown);
    }

    [Fact]
    public async Task Native_lyrics_answered_200_with_detail_is_an_error_not_a_wait()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/v2/generate/lyrics", """{"id":"L1"}""");
        server.Answer("GET", "/suno/v2/generate/lyrics/L1", """{"detail":"Unauthorized"}""");
        using var client = server.CreateClient(MusicDialect.NativeV2);

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GenerateLyricsAsync("rain",
            new MusicWaitOptions { PollInterval = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.FromSeconds(30) }, Ct));

        Assert.Equal(MusicApiErrorKind.VendorError, error.Kind);
        Assert.Equal("Unauthorized", error.VendorMessage);
        Assert.Equal("L1", error.TaskId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_cap_is_an_invalid_response_and_is_not_read(bool announced)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        var huge = """{"code":"success","message":"" """ + new string(' ', 64 * 1024) + ""","data":null}""";
        server.Script("GET", "/suno/fetch/t1", Reply.Json(huge) with { AnnounceLength = announced });
        using var client = server.CreateClient(MusicDialect.Task, configure: o => { o.MaxResponseBytes = 16 * 1024; o.Retry.MaxRetries = 2; });

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GetTaskAsync("t1", Ct));

        Assert.Equal(MusicApiErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("MaxResponseBytes", error.Message);
        // Never retried: it would be as long again.
        Assert.Equal(1, server.CountOf("GET", "/suno/fetch/t1"));
    }

    [Theory]
    [InlineData(MusicDialect.GoAmzV35, "/suno/v1/music/")]
    [InlineData(MusicDialect.GoAmzV30, "/suno/v1/v3.0/music/")]
    public async Task A_GoAmz_answer_for_another_task_is_not_passed_off_as_the_one_asked(MusicDialect dialect, string path)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.AnswerAll(Reply.Json("""{"code":200,"message":"","data":{"task_id":"OTHER","status":"completed","input":"{}","clips":{}}}"""));
        using var client = server.CreateClient(dialect);

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GetTasksAsync(["A1", "A2"], Ct));

        Assert.Contains("OTHER", error.Message);
        Assert.StartsWith(path, server.Requests[0].Path);
    }

    [Fact]
    public async Task Member_names_with_escaped_lone_surrogates_neither_break_an_answer_nor_an_error()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/t1", """{"code":"success","message":"","\ud800x":1,"data":{"task_id":"t1","action":"MUSIC","status":"SUCCESS","progress":5,"data":[]}}""");
        server.Answer("GET", "/suno/fetch/t2", """{"\udfffcode":"x","code":"task_not_exist","message":"gone","data":null}""");
        using var client = server.CreateClient(MusicDialect.Task);

        var task = await client.GetTaskAsync("t1", Ct);
        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GetTaskAsync("t2", Ct));

        Assert.Equal(MusicTaskStatus.Succeeded, task.Status);
        Assert.Equal("task_not_exist", error.ErrorCode);
    }
}
