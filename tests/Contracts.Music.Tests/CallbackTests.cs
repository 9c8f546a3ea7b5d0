using Contracts.Emulator;

namespace Contracts.Music.Tests;

/// <summary>
/// Callbacks end to end over real HTTP: the facade submits with a callback URL, the emulator POSTs the finished task to
/// a loopback receiver, and <see cref="MusicClient.ReadCallback"/> turns the body into the same task a poll returns.
/// </summary>
public sealed class CallbackTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    [Fact]
    public async Task A_task_dialect_callback_reads_as_the_finished_task()
    {
        await using var receiver = await ScriptedVendorServer.StartAsync(Ct);
        receiver.Answer("POST", "/hooks/music", "{}");
        await using var emulator = await VendorEmulator.StartAsync(new VendorEmulatorOptions { StepDuration = TimeSpan.Zero }, Ct);
        using var music = new MusicClient(new MusicClientOptions { BaseUrl = emulator.BaseAddress, Dialect = MusicDialect.Task, ApiKey = emulator.ApiKey });

        var request = MusicRequest.Custom("[Verse]\nSalt on the wind", "sea shanty", "Harbour Lights");
        request.CallbackUrl = new Uri(receiver.BaseAddress, "hooks/music");
        var id = await music.SubmitAsync(request, Ct);
        var posted = await WaitForAsync(() => receiver.Requests.FirstOrDefault(r => r.Method == "POST" && r.Path == "/hooks/music"));

        var fromCallback = MusicClient.ReadCallback(MusicDialect.Task, posted.Body);
        var fromPoll = await music.GetTaskAsync(id, Ct);
        Assert.Equal(id, fromCallback.Id);
        Assert.Equal(MusicTaskStatus.Succeeded, fromCallback.Status);
        Assert.Equal(fromPoll.Clips.Select(c => (c.Id, c.Title, c.AudioUrl)), fromCallback.Clips.Select(c => (c.Id, c.Title, c.AudioUrl)));
        Assert.Null(posted.Authorization);
    }

    [Fact]
    public async Task A_callback_url_on_a_dialect_without_callbacks_is_refused_before_anything_is_sent()
    {
        await using var vendor = await ScriptedVendorServer.StartAsync(Ct);
        using var music = vendor.CreateClient(MusicDialect.GoAmzV35);
        var request = MusicRequest.FromDescription("a calm song about the sea");
        request.CallbackUrl = new Uri("http://127.0.0.1:9/hook");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => music.SubmitAsync(request, Ct));

        Assert.Contains("GoAmzV35 dialect, which has no callbacks (MusicRequest.CallbackUrl)", error.Message);
        Assert.Contains("Dialects that have it: Task.", error.Message);
        Assert.Empty(vendor.Requests);
        Assert.Throws<NotSupportedException>(() => MusicClient.ReadCallback(MusicDialect.NativeV2, "{}"));
    }

    [Fact]
    public void A_body_that_is_not_a_task_is_a_vendor_error()
    {
        // kie.ai's callback (another API): {code, msg, data: {callbackType, task_id, data}}, no task at the top.
        var body = Samples.Read("task", "notifyCallback.request.other-kieai-callbackurl.real.json");

        var error = Assert.Throws<MusicApiException>(() => MusicClient.ReadCallback(MusicDialect.Task, body));

        Assert.Equal("callback", error.Operation);
        Assert.Equal(MusicApiErrorKind.VendorError, error.Kind);
    }

    [Fact]
    public async Task A_callback_url_must_be_absolute_http()
    {
        var request = MusicRequest.FromDescription("x");
        request.CallbackUrl = new Uri("ftp://127.0.0.1/hook");
        using var music = new MusicClient(new MusicClientOptions { BaseUrl = new Uri("http://127.0.0.1:9/"), Dialect = MusicDialect.Task, ApiKey = "k" });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => music.SubmitAsync(request, Ct));

        Assert.Contains("MusicRequest.CallbackUrl must be an absolute http or https URL; got 'ftp://127.0.0.1/hook'.", error.Message);
    }

    private static async Task<ReceivedRequest> WaitForAsync(Func<ReceivedRequest?> find)
    {
        var token = Ct;
        while (true)
        {
            if (find() is { } found)
                return found;
            await Task.Delay(20, token);
        }
    }
}
