using System.Diagnostics;
using System.Text.Json;

namespace Contracts.Emulator.Tests;

/// <summary>Each fault asked for with the X-Emulator-Fault header, observed at the HTTP level. Faults that keep the
/// answer within the contract (429, 500, unknown status, extra field) go through the contract check too.</summary>
public sealed class FaultHeaderTests
{
    private const string GoAmzBody = """{"custom_mode":true,"input":{"prompt":"[Verse]\nx","title":"T","tags":"pop"}}""";

    [Theory]
    [InlineData("suno/v1/music", "goamz")]
    [InlineData("suno/submit/lyrics", "task")]
    [InlineData("suno/v2/generate/lyrics", "native")]
    public async Task Rate_limit_answers_429_with_Retry_After_in_the_dialect_envelope(string path, string dialect)
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.RetryAfter = TimeSpan.FromSeconds(2));
        var answer = await h.PostAsync(path, path.StartsWith("suno/v1", StringComparison.Ordinal) ? GoAmzBody : """{"prompt":"x"}""", fault: "rate-limit");
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.Equal(TimeSpan.FromSeconds(2), answer.Response.Headers.RetryAfter?.Delta);
        switch (dialect)
        {
            case "goamz": Assert.Equal(429, (int)answer.Object["code"]!); break;
            case "task": Assert.Equal("rate_limit", (string?)answer.Object["code"]); break;
            default: Assert.Equal("Too Many Requests", (string?)answer.Object["detail"]); break;
        }
    }

    [Theory]
    [InlineData("suno/v1/v3.0/music/x")]
    [InlineData("suno/fetch/x")]
    [InlineData("suno/v2/feed?ids=x")]
    public async Task Server_error_answers_500_in_the_dialect_envelope(string path)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.GetAsync(path, fault: "server-error");
        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal("application/json", answer.Response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bad_gateway_html_answers_502_with_an_html_page()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.GetAsync("suno/fetch/x", fault: "bad-gateway-html", validate: false);
        Assert.Equal(HttpStatusCode.BadGateway, answer.Status);
        Assert.Equal("text/html", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<html>", answer.Text, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(answer.Text));
    }

    [Fact]
    public async Task Slow_delays_the_answer_then_answers_normally()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.SlowResponseDelay = TimeSpan.FromMilliseconds(400));
        var clock = Stopwatch.StartNew();
        var answer = await h.PostAsync("suno/submit/lyrics", """{"prompt":"x"}""", fault: "slow");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(380), $"answered after {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("success", (string?)answer.Object["code"]);
    }

    [Fact]
    public async Task Slow_answers_can_be_abandoned_by_the_client()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.SlowResponseDelay = TimeSpan.FromSeconds(30));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestCancellation.Token);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(200));
        using var request = new HttpRequestMessage(HttpMethod.Get, "suno/fetch/x");
        request.Headers.Add(EmulatorFaults.HeaderName, "slow");
        request.Headers.Authorization = new("Bearer", h.Emulator.ApiKey);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Raw.SendAsync(request, timeout.Token));
    }

    [Fact]
    public async Task Truncated_sends_half_of_the_answer_so_it_is_not_complete_json()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.StepDuration = TimeSpan.Zero);
        var id = (string)(await h.PostAsync("suno/v1/music", GoAmzBody)).Object["data"]!["task_id"]!;
        var whole = await h.GetAsync($"suno/v1/music/{id}");
        var cut = await h.GetAsync($"suno/v1/music/{id}", fault: "truncated", validate: false);
        Assert.Equal(HttpStatusCode.OK, cut.Status);
        Assert.Equal(whole.Text.Length / 2, cut.Text.Length);
        Assert.StartsWith(cut.Text, whole.Text, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(cut.Text));
    }

    [Fact]
    public async Task Malformed_json_answers_text_that_is_not_json()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.PostAsync("suno/submit/lyrics", """{"prompt":"x"}""", fault: "malformed-json", validate: false);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(",}", answer.Text, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(answer.Text));
    }

    [Fact]
    public async Task Unknown_status_puts_an_undocumented_value_in_every_status_and_stays_within_the_contract()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.StepDuration = TimeSpan.Zero);
        const string mystery = EmulatorFaults.UnknownStatusValue;

        var goamz = (string)(await h.PostAsync("suno/v1/music", GoAmzBody)).Object["data"]!["task_id"]!;
        var goamzTask = (await h.GetAsync($"suno/v1/music/{goamz}", fault: "unknown-status")).Object["data"]!;
        Assert.Equal(mystery, (string?)goamzTask["status"]);
        Assert.All(goamzTask["clips"]!.AsObject(), c => Assert.Equal(mystery, (string?)c.Value!["status"]));

        var task = (string)(await h.PostAsync("suno/submit/music", """{"prompt":"x","make_instrumental":false}""")).Object["data"]!;
        var taskTask = (await h.GetAsync($"suno/fetch/{task}", fault: "unknown-status")).Object["data"]!;
        Assert.Equal(mystery, (string?)taskTask["status"]);
        Assert.All(taskTask["data"]!.AsArray(), c => Assert.Equal(mystery, (string?)c!["status"]));

        var batch = (await h.PostAsync("suno/v2/generate", NativeV2StateTests.Generate(), fault: "unknown-status")).Object;
        Assert.Equal(mystery, (string?)batch["status"]);
        var feed = (await h.GetAsync($"suno/v2/feed?ids={batch["clips"]![0]!["id"]}", fault: "unknown-status")).Json;
        Assert.Equal(mystery, (string?)feed[0]!["status"]);

        var lyrics = (string)(await h.PostAsync("suno/v2/generate/lyrics", """{"prompt":"x"}""")).Object["id"]!;
        Assert.Equal(mystery, (string?)(await h.GetAsync($"suno/v2/generate/lyrics/{lyrics}", fault: "unknown-status")).Object["status"]);
    }

    [Fact]
    public async Task Extra_field_adds_an_unknown_property_to_tasks_and_clips_and_stays_within_the_contract()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.StepDuration = TimeSpan.Zero);
        const string extra = EmulatorFaults.ExtraFieldName;

        var submitted = await h.PostAsync("suno/v1/music", GoAmzBody, fault: "extra-field");
        Assert.True(submitted.Object.ContainsKey(extra)); // no task object in a submit answer: the answer itself
        var id = (string)submitted.Object["data"]!["task_id"]!;
        var data = (await h.GetAsync($"suno/v1/music/{id}", fault: "extra-field")).Object["data"]!;
        Assert.NotNull(data[extra]);
        Assert.All(data["clips"]!.AsObject(), c => Assert.NotNull(c.Value![extra]));

        var task = (string)(await h.PostAsync("suno/submit/music", """{"prompt":"x","make_instrumental":false}""")).Object["data"]!;
        var fetched = (await h.PostAsync("suno/fetch", new JsonObject { ["ids"] = new JsonArray(task) }, fault: "extra-field")).Object;
        Assert.NotNull(fetched["data"]![0]![extra]);
        Assert.NotNull(fetched["data"]![0]!["data"]![0]![extra]);
        Assert.False(fetched.ContainsKey(extra));

        var batch = (await h.PostAsync("suno/v2/generate", NativeV2StateTests.Generate(), fault: "extra-field")).Object;
        Assert.NotNull(batch[extra]);
        Assert.NotNull(batch["clips"]![1]![extra]);
    }

    [Fact]
    public async Task Several_faults_can_be_combined_in_one_header()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.SlowResponseDelay = TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        var answer = await h.PostAsync("suno/submit/lyrics", """{"prompt":"x"}""", fault: "slow, EXTRA-FIELD");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(180));
        Assert.True(answer.Object.ContainsKey(EmulatorFaults.ExtraFieldName));
    }

    [Fact]
    public async Task An_unknown_fault_name_is_a_400_that_lists_the_known_ones()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.PostAsync("suno/submit/lyrics", """{"prompt":"x"}""", fault: "explode");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var message = (string)answer.Object["message"]!;
        Assert.Contains("'explode'", message, StringComparison.Ordinal);
        Assert.All(EmulatorFaults.AllNames, name => Assert.Contains(name, message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Auth_is_checked_before_faults()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.SendAsync(HttpMethod.Get, "suno/fetch/x", null, fault: "server-error", authorization: null);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Fact]
    public void Fault_names_round_trip()
    {
        foreach (var fault in Enum.GetValues<EmulatorFault>())
        {
            Assert.True(EmulatorFaults.TryParse(EmulatorFaults.ToHeaderValue(fault), out var parsed));
            Assert.Equal(fault, parsed);
        }
        Assert.Equal(
            ["rate-limit", "server-error", "bad-gateway-html", "slow", "truncated", "malformed-json", "unknown-status", "extra-field",
             "token-expired", "quota-exhausted", "no-channel", "feed-page", "feed-cursor-page"],
            EmulatorFaults.AllNames);
        Assert.False(EmulatorFaults.TryParse("nope", out _));
    }
}
