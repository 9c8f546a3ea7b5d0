using System.Net;
using System.Net.Sockets;

namespace Contracts.Music.Tests;

/// <summary>Every failure reaches the caller as <see cref="MusicApiException"/> with the right details, never another exception type.</summary>
public sealed class ErrorPathTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    /// <summary>Per dialect: its read operation, the path it hits, and the id used.</summary>
    public static TheoryData<MusicDialect, string, string> Reads => new()
    {
        { MusicDialect.GoAmzV35, "getMusic", "/suno/v1/music/t1" },
        { MusicDialect.GoAmzV30, "getMusic", "/suno/v1/v3.0/music/t1" },
        { MusicDialect.Task, "fetchTask", "/suno/fetch/t1" },
        { MusicDialect.NativeV2, "getFeed", "/suno/v2/feed" },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Unauthorized_is_an_http_error_with_the_vendor_message_and_is_not_retried(MusicDialect dialect, string operation, string path)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        var (folder, file) = Unauthorized(dialect);
        server.Answer("GET", path, Samples.Read(folder, file), status: 401);
        using var client = server.CreateClient(dialect);

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GetTaskAsync("t1", Ct));

        Assert.Equal(401, error.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(MusicApiErrorKind.HttpError, error.Kind);
        Assert.Equal(operation, error.Operation);
        Assert.Equal("loopback", error.Vendor);
        Assert.Equal(dialect, error.Dialect);
        Assert.False(string.IsNullOrWhiteSpace(error.VendorMessage));
        Assert.Contains(error.VendorMessage!, error.Message);
        Assert.Equal(1, server.CountOf("GET", path));
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Not_found_is_an_http_error_with_status_404(MusicDialect dialect, string operation, string path)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", path, dialect == MusicDialect.NativeV2 ? """{"detail":"Not found"}"""
            : dialect == MusicDialect.Task ? """{"code":"task_not_exist","message":"task_not_exist","data":null}"""
            : """{"code":404,"message":"task not found","data":null}""", status: 404);
        using var client = server.CreateClient(dialect);

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GetTaskAsync("t1", Ct));

        Assert.Equal(404, error.Status);
        Assert.Equal(operation, error.Operation);
        Assert.NotNull(error.VendorMessage);
        if (dialect == MusicDialect.Task)
            Assert.Equal("task_not_exist", error.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_read_is_retried_after_500_and_after_429_with_retry_after(MusicDialect dialect, string operation, string path)
    {
        _ = operation;
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Script("GET", path,
            new Reply(500, """{"message":"upstream failed"}"""),
            new Reply(429, """{"message":"slow down"}""") { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } },
            Reply.Json(GoodRead(dialect)));
        using var client = server.CreateClient(dialect);

        var task = await client.GetTaskAsync(dialect == MusicDialect.NativeV2 ? NativeIds : "t1", Ct);

        Assert.NotNull(task);
        Assert.Equal(3, server.CountOf("GET", path));
    }

    [Fact]
    public async Task A_submit_is_never_retried_and_keeps_retry_after()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Script("POST", "/suno/submit/music",
            new Reply(429, """{"code":"too_many_requests","message":"concurrency limit","data":null}""") { Headers = new Dictionary<string, string> { ["Retry-After"] = "7" } },
            Reply.Json(Samples.Read("task", "submitMusic.response.json")));
        using var client = server.CreateClient(MusicDialect.Task);

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.SubmitAsync(MusicRequest.FromDescription("cat"), Ct));

        Assert.Equal(429, error.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal("too_many_requests", error.ErrorCode);
        Assert.Equal(1, server.CountOf("POST", "/suno/submit/music"));

        server.Script("POST", "/suno/submit/music", new Reply(500, """{"code":"upstream_error","message":"boom","data":null}"""), Reply.Json(Samples.Read("task", "submitMusic.response.json")));
        var fault = await Assert.ThrowsAsync<MusicApiException>(() => client.SubmitAsync(MusicRequest.FromDescription("cat"), Ct));
        Assert.Equal(500, fault.Status);
        Assert.Equal(2, server.CountOf("POST", "/suno/submit/music"));
    }

    [Theory]
    [InlineData(MusicDialect.GoAmzV35, "/suno/v1/music/t1", """{"code":500,"message":"upstream busy","data":null}""", "500", "upstream busy")]
    [InlineData(MusicDialect.GoAmzV30, "/suno/v1/v3.0/music/t1", """{"code":403,"message":"quota exhausted","data":null}""", "403", "quota exhausted")]
    [InlineData(MusicDialect.Task, "/suno/fetch/t1", """{"code":"task_not_exist","message":"task_not_exist","data":null}""", "task_not_exist", "task_not_exist")]
    public async Task A_vendor_error_envelope_with_http_200_is_an_error(MusicDialect dialect, string path, string body, string code, string message)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", path, body);
        using var client = server.CreateClient(dialect);

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GetTaskAsync("t1", Ct));

        Assert.Equal(MusicApiErrorKind.VendorError, error.Kind);
        Assert.Equal(200, error.Status);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.VendorMessage);
    }

    [Theory]
    [InlineData(MusicDialect.GoAmzV35, "/suno/v1/music", """{"code":500,"message":"charged but upstream timed out","data":{"task_id":"paid-123"}}""")]
    [InlineData(MusicDialect.GoAmzV30, "/suno/v1/v3.0/music", """{"code":429,"message":"accepted, then throttled","data":{"task_id":"paid-123"}}""")]
    [InlineData(MusicDialect.Task, "/suno/submit/music", """{"code":"quota_warning","message":"low balance","data":"paid-123"}""")]
    public async Task A_submit_that_fails_after_the_server_returned_a_task_id_keeps_the_id(MusicDialect dialect, string path, string body)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("POST", path, body);
        using var client = server.CreateClient(dialect);

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.SubmitAsync(MusicRequest.FromDescription("cat"), Ct));

        Assert.Equal("paid-123", error.TaskId);
        Assert.Contains("paid-123", error.Message);
    }

    [Theory]
    [InlineData(MusicDialect.GoAmzV30, "/suno/v1/v3.0/music", """{"code":200,"message":5,"data":{"task_id":"paid-123"}}""")]
    [InlineData(MusicDialect.GoAmzV35, "/suno/v1/music", """{"code":"200","message":"ok","data":{"task_id":"paid-123"}}""")]
    [InlineData(MusicDialect.Task, "/suno/submit/music", """{"code":"success","message":["ok"],"data":"paid-123"}""")]
    public async Task A_submit_answer_with_a_member_of_the_wrong_type_still_gives_its_task_id(MusicDialect dialect, string path, string body)
    {
        // Tolerant reading: a paid task's id is never lost to a member the spec types otherwise.
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("POST", path, body);
        using var client = server.CreateClient(dialect);

        var taskId = await client.SubmitAsync(MusicRequest.FromDescription("cat"), Ct);

        Assert.Equal("paid-123", taskId);
    }

    [Theory]
    [InlineData(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", MusicApiErrorKind.HttpError)]
    [InlineData(200, "", "application/json", MusicApiErrorKind.InvalidResponse)]
    [InlineData(200, """{"code":"success","data":{"task_id":""", "application/json", MusicApiErrorKind.InvalidResponse)]
    [InlineData(200, "<html>maintenance</html>", "text/html", MusicApiErrorKind.InvalidResponse)]
    public async Task Html_pages_empty_and_malformed_bodies_are_music_api_exceptions(int status, string body, string contentType, MusicApiErrorKind kind)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Script("GET", "/suno/fetch/t1", new Reply(status, body, contentType));
        using var client = server.CreateClient(MusicDialect.Task, configure: o => o.Retry.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GetTaskAsync("t1", Ct));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.Status);
        Assert.Equal("fetchTask", error.Operation);
        if (body.Length > 0)
            Assert.StartsWith(body[..10], error.BodyExcerpt);
    }

    [Fact]
    public async Task The_api_key_never_appears_even_when_the_vendor_echoes_it()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/v1/music/t1", $$"""{"code":401,"message":"invalid key {{TestKeys.ApiKey}}","data":null}""", status: 401);
        using var client = server.CreateClient(MusicDialect.GoAmzV35);

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GetTaskAsync("t1", Ct));

        Assert.DoesNotContain(TestKeys.ApiKey, error.ToString());
        Assert.DoesNotContain(TestKeys.ApiKey, error.BodyExcerpt);
        Assert.DoesNotContain(TestKeys.ApiKey, error.VendorMessage);
        Assert.Contains("invalid key ***", error.Message);
        Assert.DoesNotContain(TestKeys.ApiKey, client.ToString());
    }

    [Fact]
    public async Task No_server_is_a_network_error()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new MusicClient(new MusicClientOptions
        {
            BaseUrl = new Uri($"http://127.0.0.1:{port}/"), Dialect = MusicDialect.Task, ApiKey = TestKeys.ApiKey,
            Retry = { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(5) },
        });

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GetTaskAsync("t1", Ct));

        Assert.Equal(MusicApiErrorKind.NetworkError, error.Kind);
        Assert.Equal(0, error.Status);
        Assert.Null(error.StatusCode);
        Assert.Contains("2 attempt(s)", error.Message);
    }

    [Fact]
    public async Task A_slow_answer_is_a_timeout()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Script("POST", "/suno/submit/music", Reply.Json(Samples.Read("task", "submitMusic.response.json")) with { Delay = TimeSpan.FromSeconds(5) });
        using var client = server.CreateClient(MusicDialect.Task, configure: o => o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.SubmitAsync(MusicRequest.FromDescription("cat"), Ct));

        Assert.Equal(MusicApiErrorKind.Timeout, error.Kind);
        Assert.Equal("submitMusic", error.Operation);
    }

    [Fact]
    public async Task Waiting_too_long_is_a_timeout_exception_naming_the_task_and_its_status()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/t1", JsonAssert.Edit(Samples.Read("task", "fetchTask.response.ours.json"), r => r["data"]!["task_id"] = "t1"));
        using var client = server.CreateClient(MusicDialect.Task);

        var error = await Assert.ThrowsAsync<MusicWaitTimeoutException>(() => client.WaitForCompletionAsync("t1", new MusicWaitOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromMilliseconds(150),
        }, Ct));

        Assert.Contains("task t1 is still pending", error.Message);
        Assert.Equal(["t1"], error.TaskIds);
    }

    [Fact]
    public async Task Cancelling_a_wait_is_cancellation_not_an_api_error()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/t1", Samples.Read("task", "fetchTask.response.ours.json"));
        using var client = server.CreateClient(MusicDialect.Task);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WaitForCompletionAsync("t1", Journeys.Fast(), cancel.Token));
    }

    [Theory]
    [InlineData(MusicDialect.GoAmzV35, "Lyrics")]
    [InlineData(MusicDialect.Task, "Concat")]
    [InlineData(MusicDialect.GoAmzV30, "Upload")]
    public async Task An_operation_the_dialect_lacks_is_not_supported_and_names_the_dialect(MusicDialect dialect, string capability)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        using var client = server.CreateClient(dialect);

        Task call = capability switch
        {
            "Lyrics" => client.GenerateLyricsAsync("x", null, Ct),
            "Concat" => client.ConcatAsync("clip", Ct),
            _ => client.UploadAsync(new Uri("https://example.com/a.mp3"), null, Ct),
        };
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => call);

        Assert.Contains(dialect.ToString(), error.Message);
        Assert.Contains($"MusicCapabilities.{capability}", error.Message);
        Assert.Empty(server.Requests);
    }

    private const string NativeIds = "7070ec00-462e-42ac-9b9f-1074977f473f,00e6b9e4-c29c-4cfe-8d7a-5b3f06ff5b90";

    private static (string Folder, string File) Unauthorized(MusicDialect dialect) => dialect switch
    {
        MusicDialect.GoAmzV35 => ("goamz-v3.5", "getMusic.response.401.ours.json"),
        MusicDialect.GoAmzV30 => ("goamz-v3.0", "submitMusic.response.401.ours.json"),
        MusicDialect.Task => ("task", "fetchTask.response.401.ours.json"),
        _ => ("native-v2", "getFeed.response.401.ours.json"),
    };

    private static string GoodRead(MusicDialect dialect) => dialect switch
    {
        // The task asked for is t1: a GoAmz answer for another task is refused, so the samples answer as t1.
        MusicDialect.GoAmzV35 => JsonAssert.Edit(Samples.Read("goamz-v3.5", "getMusic.response.json"), r => r["data"]!["task_id"] = "t1"),
        MusicDialect.GoAmzV30 => JsonAssert.Edit(Samples.Read("goamz-v3.0", "getMusic.response.json"), r => r["data"]!["task_id"] = "t1"),
        MusicDialect.Task => Samples.Read("task", "fetchTask.response.ours.json"),
        _ => Samples.Read("native-v2", "getFeed.response.ours.json"),
    };
}
