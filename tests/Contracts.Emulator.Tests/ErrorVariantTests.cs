using Contracts.Validation;

namespace Contracts.Emulator.Tests;

/// <summary>The error answers real relays give that the specs declare per operation: native v2's 422 for an expired
/// Suno session, the task dialect's 403 quota_not_enough and new-api's gateway-style 503. Each is asked for by fault,
/// answered with the documented status, and validated against that status's response schema (by the harness, which
/// also fails any status the operation does not declare).</summary>
public sealed class ErrorVariantTests
{
    private const string TaskMusic = """{"prompt":"[Verse]\nx","tags":"pop","title":"T","make_instrumental":false}""";

    private static void AssertValidated(EmulatorHarness h, string dialect, string operationId, int status)
        => Assert.Contains(h.Checker.Checked, t => t.Dialect == dialect && t.OperationId == operationId && t.Status == status);

    [Fact]
    public async Task Token_expired_answers_native_v2_generateMusic_with_422_Token_validation_failed()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.PostAsync("suno/v2/generate", NativeV2StateTests.Generate(), fault: "token-expired");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("application/json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"detail":"Token validation failed."}"""), answer.Json), answer.Text);
        AssertValidated(h, "native-v2", "generateMusic", 422);
        var explicitCheck = await SharedValidator.Instance.ValidateAsync(answer.Text, ValidationTarget.Response("native-v2", "generateMusic", 422), TestCancellation.Token);
        Assert.True(explicitCheck.IsValid, explicitCheck.ToString());
    }

    [Theory]
    [InlineData("suno/submit/music", "submitMusic", TaskMusic)]
    [InlineData("suno/submit/lyrics", "submitLyrics", """{"prompt":"x"}""")]
    public async Task Quota_exhausted_answers_task_submissions_with_403_quota_not_enough(string path, string operationId, string body)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.PostAsync(path, body, fault: "quota-exhausted");
        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"code":"quota_not_enough","message":"user quota is not enough","data":null}"""), answer.Json), answer.Text);
        AssertValidated(h, "task", operationId, 403);
    }

    [Theory]
    [InlineData("POST", "suno/submit/music", "submitMusic", TaskMusic, "suno_music")]
    [InlineData("POST", "suno/submit/lyrics", "submitLyrics", """{"prompt":"x"}""", "suno_lyrics")]
    [InlineData("GET", "suno/fetch/task_x", "fetchTask", null, "suno_music")]
    [InlineData("POST", "suno/fetch", "fetchTasks", """{"ids":["task_x"]}""", "suno_music")]
    public async Task No_channel_answers_the_task_dialect_with_503_in_new_apis_gateway_style(string method, string path, string operationId, string? body, string model)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.SendAsync(new HttpMethod(method), path, body, fault: "no-channel");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        var expected = new JsonObject { ["error"] = new JsonObject { ["message"] = $"当前分组 default 下对于模型 {model} 无可用渠道", ["type"] = "new_api_error" } };
        Assert.True(JsonNode.DeepEquals(expected, answer.Json), answer.Text);
        Assert.False(answer.Object.ContainsKey("code")); // not the task envelope
        AssertValidated(h, "task", operationId, 503);
    }

    [Fact]
    public async Task Nothing_is_created_by_a_refused_submission()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.StepDuration = TimeSpan.Zero);
        await h.PostAsync("suno/submit/lyrics", """{"prompt":"x","notify_hook":"http://127.0.0.1:9/hook"}""", fault: "quota-exhausted");
        await h.PostAsync("suno/submit/lyrics", """{"prompt":"x","notify_hook":"http://127.0.0.1:9/hook"}""", fault: "no-channel");
        Assert.Empty(h.Emulator.Callbacks);
    }

    [Theory]
    [InlineData("token-expired", "POST", "suno/submit/lyrics", """{"prompt":"x"}""")] // native v2 generateMusic only
    [InlineData("token-expired", "POST", "suno/v2/generate/lyrics", """{"prompt":"x"}""")]
    [InlineData("quota-exhausted", "POST", "suno/v2/generate/lyrics", """{"prompt":"x"}""")] // task submissions only
    [InlineData("quota-exhausted", "POST", "suno/fetch", """{"ids":[]}""")]
    [InlineData("no-channel", "POST", "suno/v1/v3.0/lyrics", """{"prompt":"x"}""")] // task dialect only
    [InlineData("no-channel", "POST", "suno/v2/generate/lyrics", """{"prompt":"x"}""")]
    public async Task Each_error_variant_is_ignored_where_the_spec_declares_no_such_answer(string fault, string method, string path, string body)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.SendAsync(new HttpMethod(method), path, body, fault: fault);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task A_rule_for_an_error_variant_applies_only_where_it_can_and_spends_its_uses_there()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.Faults.Add(new EmulatorFaultRule(EmulatorFault.QuotaExhausted) { Times = 1 }));
        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync("suno/v2/generate/lyrics", """{"prompt":"x"}""")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.PostAsync("suno/submit/lyrics", """{"prompt":"x"}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync("suno/submit/lyrics", """{"prompt":"x"}""")).Status);
    }

    [Fact]
    public async Task A_rule_can_give_every_native_generation_the_expired_token()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.Faults.Add(new EmulatorFaultRule(EmulatorFault.TokenExpired) { Dialect = "native-v2" }));
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await h.PostAsync("suno/v2/generate", NativeV2StateTests.Generate())).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync("suno/v2/generate/lyrics", """{"prompt":"x"}""")).Status);
    }
}
