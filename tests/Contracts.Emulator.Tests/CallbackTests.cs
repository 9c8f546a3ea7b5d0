using System.Net.NetworkInformation;
using System.Net.Sockets;
using Contracts.Emulator.Callbacks;
using Contracts.Validation;

namespace Contracts.Emulator.Tests;

/// <summary>Task dialect callbacks: a task submitted with a <c>notify_hook</c> is POSTed to it over real HTTP once it is
/// final (a manual clock drives it there), as task.yaml's <c>callbacks</c> declare (<c>TaskCallback</c>); bounded
/// retries; loopback receivers only.</summary>
public sealed class CallbackTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <summary>Time for a callback that should not come to have come, were it sent: many poll intervals.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    private static void Fast(VendorEmulatorOptions o)
    {
        o.CallbackPollInterval = TimeSpan.FromMilliseconds(20);
        o.CallbackRetryDelay = TimeSpan.FromMilliseconds(20);
    }

    private static JsonObject MusicBody(string hook, string prompt = "[Verse]\nNeon signs") => new()
    {
        ["prompt"] = prompt,
        ["tags"] = "synth pop",
        ["title"] = "Neon",
        ["mv"] = "chirp-v3-5",
        ["make_instrumental"] = false,
        ["notify_hook"] = hook,
    };

    private static async Task<ValidationResult> ValidateCallbackAsync(string body)
        => await SharedValidator.Instance.ValidateAsync(body, ValidationTarget.Schema("task", "TaskCallback"), TestCancellation.Token);

    private static async Task<EmulatorCallback> WaitForStateAsync(VendorEmulator emulator, string taskId, EmulatorCallbackState state)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var callback = Assert.Single(emulator.Callbacks, c => c.TaskId == taskId);
            if (callback.State == state || DateTime.UtcNow > deadline)
            {
                Assert.Equal(state, callback.State);
                return callback;
            }
            await Task.Delay(10, TestCancellation.Token);
        }
    }

    [Fact]
    public async Task A_finished_music_task_is_posted_once_to_its_loopback_notify_hook_as_a_valid_TaskCallback()
    {
        await using var receiver = CallbackReceiver.Start();
        await using var h = await EmulatorHarness.StartAsync(Fast);
        var id = (string)(await h.PostAsync("suno/submit/music", MusicBody(receiver.Url("hooks/music?from=test")))).Object["data"]!;
        Assert.Equal(EmulatorCallbackState.Waiting, Assert.Single(h.Emulator.Callbacks).State);

        // Through every phase before the final one: nothing is posted, whether the clock is read by a request or the timer.
        for (var step = 0; step < 3; step++)
        {
            h.Advance();
            Assert.NotEqual("SUCCESS", (string?)(await h.GetAsync($"suno/fetch/{id}")).Object["data"]!["status"]);
        }
        await Task.Delay(Quiet, TestCancellation.Token);
        Assert.Empty(receiver.All);
        Assert.Equal(EmulatorCallbackState.Waiting, Assert.Single(h.Emulator.Callbacks).State);

        h.Advance(); // final now; no request: the emulator's own timer finds it
        var received = await receiver.NextAsync(Wait);
        Assert.Equal("/hooks/music", received.Path);
        Assert.StartsWith("application/json", received.ContentType, StringComparison.Ordinal);
        var validation = await ValidateCallbackAsync(received.Body);
        Assert.True(validation.IsValid, validation.ToString());
        var posted = JsonNode.Parse(received.Body)!.AsObject();
        Assert.Equal(id, (string?)posted["task_id"]);
        Assert.Equal("SUCCESS", (string?)posted["status"]);
        Assert.Equal(receiver.Url("hooks/music?from=test"), (string?)posted["notify_hook"]);
        Assert.Equal(2, posted["data"]!.AsArray().Count);
        // Exactly the task fetchTask reports in data, no envelope around it.
        var fetched = (await h.GetAsync($"suno/fetch/{id}")).Object["data"]!;
        Assert.True(JsonNode.DeepEquals(fetched, posted), $"fetched {fetched.ToJsonString()}\nposted {posted.ToJsonString()}");

        var delivered = await WaitForStateAsync(h.Emulator, id, EmulatorCallbackState.Delivered);
        Assert.Equal(1, delivered.Attempts);
        Assert.Null(delivered.Detail);

        // Delivered at most once: later reads of the clock, by requests and by the timer, post nothing more.
        h.Advance(5);
        await h.GetAsync($"suno/fetch/{id}");
        await Task.Delay(Quiet, TestCancellation.Token);
        Assert.Single(receiver.All);
    }

    [Theory]
    [InlineData("suno/submit/music", "[Verse]\nIt breaks #fail", "FAILURE", "MUSIC")]
    [InlineData("suno/submit/lyrics", "a song about trains", "SUCCESS", "LYRICS")]
    [InlineData("suno/submit/lyrics", "a song about trains #fail", "FAILURE", "LYRICS")]
    public async Task Failed_tasks_and_lyrics_tasks_are_posted_too(string path, string prompt, string status, string action)
    {
        await using var receiver = CallbackReceiver.Start();
        await using var h = await EmulatorHarness.StartAsync(Fast);
        var body = path.EndsWith("music", StringComparison.Ordinal) ? MusicBody(receiver.Url(), prompt) : new JsonObject { ["prompt"] = prompt, ["notify_hook"] = receiver.Url() };
        var id = (string)(await h.PostAsync(path, body)).Object["data"]!;
        h.Advance(4);
        var received = await receiver.NextAsync(Wait);
        var validation = await ValidateCallbackAsync(received.Body);
        Assert.True(validation.IsValid, validation.ToString());
        var posted = JsonNode.Parse(received.Body)!;
        Assert.Equal(id, (string?)posted["task_id"]);
        Assert.Equal(status, (string?)posted["status"]);
        Assert.Equal(action, (string?)posted["action"]);
        if (status == "FAILURE")
        {
            Assert.Contains("#fail", (string?)posted["fail_reason"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_task_final_at_submission_is_posted_without_any_further_request()
    {
        await using var receiver = CallbackReceiver.Start();
        await using var h = await EmulatorHarness.StartAsync(o => { Fast(o); o.StepDuration = TimeSpan.Zero; });
        var id = (string)(await h.PostAsync("suno/submit/lyrics", new JsonObject { ["prompt"] = "rain", ["notify_hook"] = receiver.Url() })).Object["data"]!;
        Assert.Equal(id, (string?)JsonNode.Parse((await receiver.NextAsync(Wait)).Body)!["task_id"]);
    }

    [Fact]
    public async Task A_failing_receiver_gets_the_bounded_number_of_attempts_and_the_first_2xx_ends_them()
    {
        // 500 twice, then 200: three attempts, delivered, and never a fourth.
        await using var receiver = CallbackReceiver.Start(n => n <= 2 ? 500 : 200);
        await using var h = await EmulatorHarness.StartAsync(o => { Fast(o); o.CallbackAttempts = 3; });
        var id = (string)(await h.PostAsync("suno/submit/music", MusicBody(receiver.Url()))).Object["data"]!;
        h.Advance(4);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(id, (string?)JsonNode.Parse((await receiver.NextAsync(Wait)).Body)!["task_id"]);
        }
        var delivered = await WaitForStateAsync(h.Emulator, id, EmulatorCallbackState.Delivered);
        Assert.Equal(3, delivered.Attempts);
        await Task.Delay(Quiet, TestCancellation.Token);
        Assert.Equal([500, 500, 200], receiver.All.Select(r => r.AnsweredStatus));
    }

    [Fact]
    public async Task A_receiver_that_always_fails_gets_exactly_CallbackAttempts_posts_then_the_callback_is_failed()
    {
        await using var receiver = CallbackReceiver.Start(_ => 500);
        await using var h = await EmulatorHarness.StartAsync(o => { Fast(o); o.CallbackAttempts = 2; });
        var id = (string)(await h.PostAsync("suno/submit/lyrics", new JsonObject { ["prompt"] = "rain", ["notify_hook"] = receiver.Url() })).Object["data"]!;
        h.Advance(4);
        var failed = await WaitForStateAsync(h.Emulator, id, EmulatorCallbackState.Failed);
        Assert.Equal(2, failed.Attempts);
        Assert.Equal("HTTP 500", failed.Detail);
        h.Advance(4);
        await h.GetAsync($"suno/fetch/{id}");
        await Task.Delay(Quiet, TestCancellation.Token);
        Assert.Equal(2, receiver.All.Count);
    }

    [Fact]
    public async Task A_receiver_that_is_not_there_fails_after_the_attempts_with_the_connection_error()
    {
        var port = FreePort();
        await using var h = await EmulatorHarness.StartAsync(o => { Fast(o); o.CallbackAttempts = 2; o.CallbackTimeout = TimeSpan.FromSeconds(2); });
        var id = (string)(await h.PostAsync("suno/submit/lyrics", new JsonObject { ["prompt"] = "rain", ["notify_hook"] = $"http://localhost:{port}/gone" })).Object["data"]!;
        h.Advance(4);
        var failed = await WaitForStateAsync(h.Emulator, id, EmulatorCallbackState.Failed);
        Assert.Equal(2, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.Detail));
    }

    [Fact]
    public async Task A_non_loopback_notify_hook_is_never_called_and_the_reason_is_recorded()
    {
        // The receiver listens on every address, so a hook naming this machine's network address would reach it.
        await using var receiver = CallbackReceiver.Start(anyAddress: true);
        await using var h = await EmulatorHarness.StartAsync(Fast);
        var hooks = new List<string>
        {
            $"http://10.255.255.1:{receiver.Port}/private",
            $"http://example.invalid:{receiver.Port}/name",
            $"http://127.0.0.1@example.invalid:{receiver.Port}/userinfo",
            $"ftp://127.0.0.1:{receiver.Port}/scheme",
            "not a url",
        };
        if (NetworkAddress() is { } lan)
        {
            hooks.Add($"http://{lan}:{receiver.Port}/lan");
        }
        var refused = new List<string>();
        foreach (var hook in hooks)
        {
            refused.Add((string)(await h.PostAsync("suno/submit/music", MusicBody(hook))).Object["data"]!);
        }
        var control = (string)(await h.PostAsync("suno/submit/music", MusicBody(receiver.Url("control")))).Object["data"]!;

        h.Advance(4);
        Assert.Equal(control, (string?)JsonNode.Parse((await receiver.NextAsync(Wait)).Body)!["task_id"]);
        await h.GetAsync($"suno/fetch/{control}");
        await Task.Delay(Quiet, TestCancellation.Token);
        Assert.Equal(["/control"], receiver.All.Select(r => r.Path));

        foreach (var id in refused)
        {
            var callback = Assert.Single(h.Emulator.Callbacks, c => c.TaskId == id);
            Assert.Equal(EmulatorCallbackState.Refused, callback.State);
            Assert.Equal(0, callback.Attempts);
            Assert.False(string.IsNullOrEmpty(callback.Detail));
        }
        Assert.Contains("loopback", Assert.Single(h.Emulator.Callbacks, c => c.TaskId == refused[0]).Detail, StringComparison.Ordinal);
        // The task itself is unaffected: it finishes and reports its hook as submitted.
        Assert.Equal(hooks[0], (string?)(await h.GetAsync($"suno/fetch/{refused[0]}")).Object["data"]!["notify_hook"]);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook", true)]
    [InlineData("http://127.45.6.7/hook", true)]
    [InlineData("https://localhost/hook", true)]
    [InlineData("http://LOCALHOST:9/x", true)]
    [InlineData("http://[::1]:8080/hook", true)]
    [InlineData("http://[::ffff:127.0.0.1]/hook", true)]
    [InlineData("http://localhost.example.com/hook", false)]
    [InlineData("http://0.0.0.0/hook", false)]
    [InlineData("http://10.0.0.1/hook", false)]
    [InlineData("http://[::]/hook", false)]
    [InlineData("http://127.0.0.1@example.com/hook", false)]
    [InlineData("https://example.com/hook", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("ws://127.0.0.1/hook", false)]
    [InlineData("/relative/hook", false)]
    public void Only_http_and_https_urls_on_loopback_hosts_are_callable(string hook, bool callable)
    {
        var reason = CallbackDispatcher.CheckTarget(hook, out var target);
        Assert.Equal(callable, reason is null);
        Assert.Equal(callable, target is not null);
    }

    [Fact]
    public async Task Tasks_without_a_notify_hook_owe_no_callback()
    {
        await using var h = await EmulatorHarness.StartAsync(Fast);
        await h.PostAsync("suno/submit/lyrics", """{"prompt":"x"}""");
        await h.PostAsync("suno/submit/lyrics", """{"prompt":"x","notify_hook":null}""");
        await h.PostAsync("suno/submit/music", """{"prompt":"x","make_instrumental":false,"notify_hook":""}""");
        Assert.Empty(h.Emulator.Callbacks);
    }

    [Theory]
    [InlineData(0, 0.1, 5, 0.1)]
    [InlineData(11, 0.1, 5, 0.1)]
    [InlineData(3, -1, 5, 0.1)]
    [InlineData(3, 61, 5, 0.1)]
    [InlineData(3, 0.1, 0, 0.1)]
    [InlineData(3, 0.1, 61, 0.1)]
    [InlineData(3, 0.1, 5, 0)]
    public async Task Out_of_range_callback_options_are_refused(int attempts, double retrySeconds, double timeoutSeconds, double pollSeconds)
    {
        var options = new VendorEmulatorOptions
        {
            CallbackAttempts = attempts,
            CallbackRetryDelay = TimeSpan.FromSeconds(retrySeconds),
            CallbackTimeout = TimeSpan.FromSeconds(timeoutSeconds),
            CallbackPollInterval = TimeSpan.FromSeconds(pollSeconds),
        };
        await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(() => VendorEmulator.StartAsync(options, TestCancellation.Token));
    }

    /// <summary>An IPv4 address of this machine that is not loopback, if it has one.</summary>
    private static IPAddress? NetworkAddress()
        => NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
