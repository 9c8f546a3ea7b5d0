using System.Text.Json;

namespace Contracts.Music.Tests;

/// <summary>
/// A canary key through every error path of the facade: a vendor that echoes the key back, plain, JSON-escaped
/// (<c>\u002B</c>, either case of hex), URL-encoded, or placed across the excerpt's cut. The key must appear in no
/// message, excerpt, drift item or <c>ToString()</c>, in no form, not even its first half.
/// </summary>
public sealed class SecretsTests
{
    private const string Canary = "sk-canary+/=AbCdEf0123456789xyz-live";
    private static CancellationToken Ct => TestCancellation.Token;

    public static TheoryData<string> Echoes => new()
    {
        Canary,
        JsonEncodedText.Encode(Canary).ToString(),
        JsonEncodedText.Encode(Canary).ToString().Replace("\\u002B", "\\u002b"),
        Canary.Replace("/", "\\/"),
        Uri.EscapeDataString(Canary),
        new string('x', 290) + Canary,
    };

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task An_echoed_key_leaves_no_trace_in_an_http_error(string echo)
    {
        foreach (var dialect in Enum.GetValues<MusicDialect>())
        {
            await using var server = await ScriptedVendorServer.StartAsync(Ct);
            server.AnswerAll(Reply.Json($$$"""{"code":401,"message":"invalid key {{{echo}}}","detail":"invalid key {{{echo}}}","error":{"message":"{{{echo}}}"}}""", 401));
            using var client = server.CreateClient(dialect, Canary, o => o.Retry.MaxRetries = 0);

            var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GetTaskAsync(dialect == MusicDialect.NativeV2 ? "c1" : "t1", Ct));

            AssertNoKey(error.ToString(), error.VendorMessage, error.BodyExcerpt, error.ErrorCode, error.Error.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task An_echoed_key_leaves_no_trace_in_a_2xx_error_envelope_or_an_unreadable_answer(string echo)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/t1", $$$"""{"code":"bad_key","message":"{{{echo}}}","data":null}""");
        server.Answer("POST", "/suno/submit/music", $$$"""<html>{{{echo}}}</html>""");
        using var client = server.CreateClient(MusicDialect.Task, Canary);

        var envelope = await Assert.ThrowsAsync<MusicApiException>(() => client.GetTaskAsync("t1", Ct));
        var unreadable = await Assert.ThrowsAsync<MusicApiException>(() => client.SubmitAsync(MusicRequest.FromDescription("x"), Ct));

        AssertNoKey(envelope.ToString(), unreadable.ToString());
    }

    [Fact]
    public async Task A_status_echoing_the_key_leaves_no_trace_in_a_wait_timeout()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/t1", $$$"""{"code":"success","message":"","data":{"task_id":"t1","action":"MUSIC","status":"{{{Canary}}}","progress":"0%","data":[]}}""");
        using var client = server.CreateClient(MusicDialect.Task, Canary);

        var error = await Assert.ThrowsAsync<MusicWaitTimeoutException>(() => client.WaitForCompletionAsync("t1",
            new MusicWaitOptions { PollInterval = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.FromMilliseconds(80) }, Ct));

        AssertNoKey(error.ToString());
    }

    [Fact]
    public async Task A_key_in_a_drifted_member_leaves_no_trace_in_the_drift_report()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/t1", $$$"""{"code":"success","message":"","data":{"task_id":"t1","action":"MUSIC","status":"SUCCESS","progress":"100%","submit_time":"{{{Canary}}}","data":[]}}""");
        using var client = server.CreateClient(MusicDialect.Task, Canary);

        var task = await client.GetTaskAsync("t1", Ct);

        Assert.NotEmpty(task.Drift);
        AssertNoKey([.. task.Drift.Select(d => d.ToString())]);
    }

    [Fact]
    public async Task A_failed_upload_echoing_the_key_leaves_no_trace()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/v2/uploads/audio-url", """{"id":"U1","status":"created"}""");
        server.Answer("POST", "/suno/v2/uploads/audio/U1/upload-finish", "{}");
        server.Answer("GET", "/suno/v2/uploads/audio/U1", $$$"""{"id":"U1","status":"error","error_message":"rejected for {{{Canary}}}"}""");
        using var client = server.CreateClient(MusicDialect.NativeV2, Canary);

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.UploadAsync(new Uri("https://cdn.example/a.mp3"),
            new MusicWaitOptions { PollInterval = TimeSpan.FromMilliseconds(5) }, Ct));

        Assert.Equal("U1", error.TaskId);
        AssertNoKey(error.ToString(), error.VendorMessage);
    }

    [Fact]
    public void Options_and_clients_never_show_the_key()
    {
        var options = new MusicClientOptions { BaseUrl = new Uri("https://api.example.com/"), Dialect = MusicDialect.Task, ApiKey = Canary };
        using var client = new MusicClient(options);

        AssertNoKey(options.ToString(), client.ToString());
    }

    private static void AssertNoKey(params string?[] texts)
    {
        string[] forms =
        [
            Canary, JsonEncodedText.Encode(Canary).ToString(), Uri.EscapeDataString(Canary), Canary.Replace("/", "\\/"),
            // Half the key is a leak too (an excerpt cut through it).
            Canary[..(Canary.Length / 2)], "AbCdEf0123456789",
        ];
        foreach (var text in texts)
        {
            if (text is null)
                continue;
            foreach (var form in forms)
                Assert.False(text.Contains(form, StringComparison.OrdinalIgnoreCase), $"The key leaked as '{form}' in: {text}");
        }
    }
}
