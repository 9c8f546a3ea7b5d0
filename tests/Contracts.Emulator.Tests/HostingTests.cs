using System.Net.Sockets;

namespace Contracts.Emulator.Tests;

/// <summary>Starting, stopping and configuring the emulator itself.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Defaults_listen_on_a_free_loopback_port_with_the_default_key()
    {
        await using var emulator = await VendorEmulator.StartAsync(cancellationToken: TestCancellation.Token);
        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.EndsWith("/", emulator.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("emulator-key", emulator.ApiKey);
    }

    [Fact]
    public async Task A_fixed_port_is_used_and_a_taken_one_fails_to_start()
    {
        var port = FreePort();
        await using var emulator = await VendorEmulator.StartAsync(new VendorEmulatorOptions { Port = port, ApiKey = "k" }, TestCancellation.Token);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), emulator.BaseAddress);
        Assert.Equal("k", emulator.ApiKey);
        await Assert.ThrowsAnyAsync<IOException>(() => VendorEmulator.StartAsync(new VendorEmulatorOptions { Port = port }, TestCancellation.Token));
    }

    [Fact]
    public async Task Stop_closes_the_port_and_may_be_called_twice()
    {
        var emulator = await VendorEmulator.StartAsync(cancellationToken: TestCancellation.Token);
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        await emulator.StopAsync();
        await emulator.StopAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("suno/fetch/x", TestCancellation.Token));
        await emulator.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_serves_until_cancelled_then_stops()
    {
        var emulator = await VendorEmulator.StartAsync(cancellationToken: TestCancellation.Token);
        using var stop = new CancellationTokenSource();
        var running = emulator.RunAsync(stop.Token);
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("suno/fetch/x", TestCancellation.Token)).StatusCode);
        Assert.False(running.IsCompleted);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10), TestCancellation.Token);
        await emulator.DisposeAsync();
    }

    [Fact]
    public async Task On_the_real_clock_a_short_step_completes_a_task_almost_at_once()
    {
        await using var emulator = await VendorEmulator.StartAsync(new VendorEmulatorOptions { StepDuration = TimeSpan.FromMilliseconds(20) }, TestCancellation.Token);
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", emulator.ApiKey);
        using var submit = await http.PostAsync("suno/submit/lyrics", new StringContent("""{"prompt":"x"}""", System.Text.Encoding.UTF8, "application/json"), TestCancellation.Token);
        var id = (string)JsonNode.Parse(await submit.Content.ReadAsStringAsync(TestCancellation.Token))!["data"]!;
        string? status = null;
        for (var attempt = 0; attempt < 100 && status != "SUCCESS"; attempt++)
        {
            await Task.Delay(20, TestCancellation.Token);
            var fetched = JsonNode.Parse(await http.GetStringAsync($"suno/fetch/{id}", TestCancellation.Token))!;
            status = (string?)fetched["data"]!["status"];
        }
        Assert.Equal("SUCCESS", status);
    }

    [Fact]
    public async Task CreateHttpClient_is_ready_for_a_generated_client_and_options_are_copied_at_start()
    {
        var options = new VendorEmulatorOptions { ApiKey = "first" };
        await using var emulator = await VendorEmulator.StartAsync(options, TestCancellation.Token);
        options.ApiKey = "changed later";
        options.Faults.Add(new EmulatorFaultRule(EmulatorFault.ServerError));
        using var http = emulator.CreateHttpClient();
        Assert.Equal(emulator.BaseAddress, http.BaseAddress);
        var client = new Contracts.Clients.TaskApi.TaskApiClient(http);
        var submitted = await client.SubmitLyricsAsync(new Contracts.Clients.TaskApi.SubmitLyricsRequest { Prompt = "x" }, TestCancellation.Token);
        Assert.Equal("success", submitted.Code);
    }

    [Theory]
    [InlineData(-1, 1.5, 3)]
    [InlineData(70000, 1.5, 3)]
    [InlineData(0, -1, 3)]
    [InlineData(0, 1.5, 0)]
    [InlineData(0, 1.5, 61)]
    public async Task Out_of_range_options_are_refused(int port, double stepSeconds, double clipSeconds)
    {
        var options = new VendorEmulatorOptions { Port = port, StepDuration = TimeSpan.FromSeconds(stepSeconds), ClipDuration = clipSeconds };
        await Assert.ThrowsAnyAsync<ArgumentException>(() => VendorEmulator.StartAsync(options, TestCancellation.Token));
    }

    [Fact]
    public async Task Empty_key_or_marker_and_negative_rule_counts_are_refused()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => VendorEmulator.StartAsync(new VendorEmulatorOptions { ApiKey = " " }, TestCancellation.Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => VendorEmulator.StartAsync(new VendorEmulatorOptions { FailureMarker = "" }, TestCancellation.Token));
        var options = new VendorEmulatorOptions();
        options.Faults.Add(new EmulatorFaultRule(EmulatorFault.Slow) { Times = -1 });
        await Assert.ThrowsAnyAsync<ArgumentException>(() => VendorEmulator.StartAsync(options, TestCancellation.Token));
    }

    [Fact]
    public async Task A_custom_failure_marker_and_key_are_honoured()
    {
        await using var h = await EmulatorHarness.StartAsync(o => { o.FailureMarker = "[boom]"; o.ApiKey = "secret"; o.StepDuration = TimeSpan.Zero; });
        Assert.Equal("secret", h.Emulator.ApiKey);
        var id = (string)(await h.PostAsync("suno/submit/lyrics", """{"prompt":"a [BOOM] song"}""")).Object["data"]!;
        var task = (await h.GetAsync($"suno/fetch/{id}")).Object["data"]!;
        Assert.Equal("FAILURE", (string?)task["status"]);
        Assert.Contains("[boom]", (string?)task["fail_reason"], StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
