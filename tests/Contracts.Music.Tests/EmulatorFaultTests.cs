using Contracts.Emulator;

namespace Contracts.Music.Tests;

/// <summary>Each fault the emulator can produce reaches the facade as the documented outcome.</summary>
public sealed class EmulatorFaultTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    private static async Task<(VendorEmulator Emulator, MusicClient Client)> StartAsync(MusicDialect dialect, EmulatorFaultRule? rule,
        Action<MusicClientOptions>? configure = null)
    {
        var options = new VendorEmulatorOptions { StepDuration = TimeSpan.FromMilliseconds(20), RetryAfter = TimeSpan.FromSeconds(1), SlowResponseDelay = TimeSpan.FromSeconds(3) };
        if (rule is not null)
            options.Faults.Add(rule);
        var emulator = await VendorEmulator.StartAsync(options, Ct);
        var clientOptions = new MusicClientOptions { BaseUrl = emulator.BaseAddress, Dialect = dialect, ApiKey = emulator.ApiKey, VendorName = "emulator" };
        clientOptions.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        configure?.Invoke(clientOptions);
        return (emulator, new MusicClient(clientOptions));
    }

    [Theory]
    [MemberData(nameof(AllDialects.Data), MemberType = typeof(AllDialects))]
    public async Task Every_dialect_runs_end_to_end_on_the_emulator(MusicDialect dialect)
    {
        // The emulator's clock moves one state per read, so every poll sees the next state however slow the machine.
        var step = TimeSpan.FromSeconds(1);
        var clock = new ManualTimeProvider();
        await using var emulator = await VendorEmulator.StartAsync(new VendorEmulatorOptions { StepDuration = step, TimeProvider = clock }, Ct);
        using var client = new MusicClient(
            new MusicClientOptions { BaseUrl = emulator.BaseAddress, Dialect = dialect, ApiKey = emulator.ApiKey, VendorName = "emulator" },
            new ClockPerReadHandler(clock, step));

        var id = await client.SubmitAsync(MusicRequest.FromDescription("a calm song about the sea"), Ct);
        var seen = new List<MusicTask>();
        var task = await client.WaitForCompletionAsync(id, Journeys.Fast(seen), Ct);

        Assert.Equal(MusicTaskStatus.Succeeded, task.Status);
        Assert.True(seen.Count >= 3, $"saw only {string.Join(", ", seen.Select(s => s.VendorStatus))}");
        Assert.All(task.Clips, c => Assert.Equal(emulator.BaseAddress.Authority, c.AudioUrl!.Authority));
    }

    [Fact]
    public async Task Rate_limit_on_submit_is_a_429_with_retry_after_and_is_not_retried()
    {
        var (emulator, client) = await StartAsync(MusicDialect.Task, new EmulatorFaultRule(EmulatorFault.RateLimit) { OperationId = "submitMusic", Times = 1 });
        await using var _ = emulator;
        using var __ = client;

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.SubmitAsync(MusicRequest.FromDescription("x"), Ct));

        Assert.Equal(429, error.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        // The rule fires once only: had the facade retried the submit, the retry would have succeeded and nothing
        // would have been thrown. The next submit, made by the caller, goes through.
        Assert.False(string.IsNullOrEmpty(await client.SubmitAsync(MusicRequest.FromDescription("x"), Ct)));
    }

    [Theory]
    [InlineData(EmulatorFault.ServerError)]
    [InlineData(EmulatorFault.RateLimit)]
    [InlineData(EmulatorFault.BadGatewayHtml)]
    public async Task A_transient_fault_on_a_read_is_retried_away(EmulatorFault fault)
    {
        var (emulator, client) = await StartAsync(MusicDialect.Task, new EmulatorFaultRule(fault) { OperationId = "fetchTask", Times = 1 });
        await using var _ = emulator;
        using var __ = client;
        var id = await client.SubmitAsync(MusicRequest.FromDescription("x"), Ct);

        var task = await client.GetTaskAsync(id, Ct);

        Assert.Equal(id, task.Id);
    }

    // Malformed and truncated bodies are not retried: retries are for 429, 5xx, network errors and timeouts.
    [Theory]
    [InlineData(EmulatorFault.ServerError, MusicApiErrorKind.HttpError, 500)]
    [InlineData(EmulatorFault.BadGatewayHtml, MusicApiErrorKind.HttpError, 502)]
    [InlineData(EmulatorFault.Truncated, MusicApiErrorKind.InvalidResponse, 200)]
    [InlineData(EmulatorFault.MalformedJson, MusicApiErrorKind.InvalidResponse, 200)]
    public async Task A_persistent_fault_is_the_documented_music_api_exception(EmulatorFault fault, MusicApiErrorKind kind, int status)
    {
        var (emulator, client) = await StartAsync(MusicDialect.NativeV2, new EmulatorFaultRule(fault) { OperationId = "getFeed" }, o => o.Retry.MaxRetries = 1);
        await using var _ = emulator;
        using var __ = client;
        var id = await client.SubmitAsync(MusicRequest.FromDescription("x"), Ct);

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.GetTaskAsync(id, Ct));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.Status);
        Assert.Equal("getFeed", error.Operation);
        Assert.Equal(MusicDialect.NativeV2, error.Dialect);
    }

    [Fact]
    public async Task A_slow_answer_past_the_attempt_timeout_is_a_timeout()
    {
        var (emulator, client) = await StartAsync(MusicDialect.GoAmzV30, new EmulatorFaultRule(EmulatorFault.Slow) { OperationId = "submitMusic" },
            o => o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        await using var _ = emulator;
        using var __ = client;

        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.SubmitAsync(MusicRequest.FromDescription("x"), Ct));

        Assert.Equal(MusicApiErrorKind.Timeout, error.Kind);
    }

    [Theory]
    [InlineData(MusicDialect.GoAmzV35)]
    [InlineData(MusicDialect.Task)]
    [InlineData(MusicDialect.NativeV2)]
    public async Task Unknown_statuses_and_extra_fields_are_read_not_rejected(MusicDialect dialect)
    {
        var (emulator, client) = await StartAsync(dialect, null);
        await using var _ = emulator;
        using var __ = client;
        var id = await client.SubmitAsync(MusicRequest.FromDescription("x"), Ct);
        using var faults = new FaultHeaderHandler("unknown-status,extra-field");
        using var odd = new MusicClient(new MusicClientOptions { BaseUrl = emulator.BaseAddress, Dialect = dialect, ApiKey = emulator.ApiKey }, faults);
        var task = await odd.GetTaskAsync(id, Ct);

        Assert.Equal(EmulatorFaults.UnknownStatusValue, task.Status.Value);
        Assert.False(task.Status.IsKnown);
        Assert.Contains(EmulatorFaults.ExtraFieldName, task.Raw.GetRawText());
    }

    /// <summary>Moves the emulator's clock one step after each read (GET), so a poll loop walks the states one by one.</summary>
    private sealed class ClockPerReadHandler(ManualTimeProvider clock, TimeSpan step) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Get)
                clock.Advance(step);
            return response;
        }
    }

    /// <summary>Asks the emulator for faults by header, as a test of a real client would.</summary>
    private sealed class FaultHeaderHandler(string faults) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            foreach (var fault in faults.Split(','))
                request.Headers.TryAddWithoutValidation(EmulatorFaults.HeaderName, fault);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
