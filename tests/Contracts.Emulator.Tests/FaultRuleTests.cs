namespace Contracts.Emulator.Tests;

/// <summary>Faults configured as rules in the options: matching on operation, path and dialect, and use counts.</summary>
public sealed class FaultRuleTests
{
    [Fact]
    public async Task A_rule_with_Times_applies_that_many_times_to_its_operation_only()
    {
        await using var h = await EmulatorHarness.StartAsync(o =>
        {
            o.StepDuration = TimeSpan.Zero;
            o.Faults.Add(new EmulatorFaultRule(EmulatorFault.RateLimit) { OperationId = "getFeed", Times = 2 });
        });
        var batch = await h.PostAsync("suno/v2/generate", NativeV2StateTests.Generate());
        Assert.Equal(HttpStatusCode.OK, batch.Status);
        var path = $"suno/v2/feed?ids={batch.Object["clips"]![0]!["id"]}";
        Assert.Equal(HttpStatusCode.TooManyRequests, (await h.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await h.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await h.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await h.GetAsync(path)).Status);
    }

    [Fact]
    public async Task A_rule_can_match_a_path_prefix()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.Faults.Add(new EmulatorFaultRule(EmulatorFault.ServerError) { PathPrefix = "/suno/submit", Times = 1 }));
        // Outside the prefix: answered normally, and the rule's single use is not consumed.
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync("suno/fetch/x")).Status);
        Assert.Equal(HttpStatusCode.InternalServerError, (await h.PostAsync("suno/submit/lyrics", """{"prompt":"x"}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync("suno/submit/lyrics", """{"prompt":"x"}""")).Status);
    }

    [Fact]
    public async Task A_rule_without_Times_applies_to_every_request_of_its_dialect()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.Faults.Add(new EmulatorFaultRule(EmulatorFault.UnknownStatus) { Dialect = "task" }));
        for (var i = 0; i < 3; i++)
        {
            var id = (string)(await h.PostAsync("suno/submit/lyrics", """{"prompt":"x"}""")).Object["data"]!;
            Assert.Equal(EmulatorFaults.UnknownStatusValue, (string?)(await h.GetAsync($"suno/fetch/{id}")).Object["data"]!["status"]);
        }
        var native = (string)(await h.PostAsync("suno/v2/generate/lyrics", """{"prompt":"x"}""")).Object["id"]!;
        Assert.Equal("running", (string?)(await h.GetAsync($"suno/v2/generate/lyrics/{native}")).Object["status"]);
    }

    [Fact]
    public async Task The_first_matching_rule_with_uses_left_wins_and_header_faults_add_to_it()
    {
        await using var h = await EmulatorHarness.StartAsync(o =>
        {
            o.Faults.Add(new EmulatorFaultRule(EmulatorFault.BadGatewayHtml) { Times = 1 });
            o.Faults.Add(new EmulatorFaultRule(EmulatorFault.ExtraField));
        });
        Assert.Equal(HttpStatusCode.BadGateway, (await h.GetAsync("suno/fetch/x", validate: false)).Status);
        var second = await h.PostAsync("suno/submit/lyrics", """{"prompt":"x"}""", fault: "slow");
        Assert.True(second.Object.ContainsKey(EmulatorFaults.ExtraFieldName));
    }

    [Fact]
    public async Task Media_is_never_faulted()
    {
        await using var h = await EmulatorHarness.StartAsync(o =>
        {
            o.StepDuration = TimeSpan.Zero;
            o.Faults.Add(new EmulatorFaultRule(EmulatorFault.ServerError) { Dialect = "task" });
        });
        var batch = (await h.PostAsync("suno/v2/generate", NativeV2StateTests.Generate())).Object;
        using var wav = await h.Raw.GetAsync((string)batch["clips"]![0]!["audio_url"]!, TestCancellation.Token);
        Assert.Equal(HttpStatusCode.OK, wav.StatusCode);
    }
}
