namespace Contracts.Emulator.Tests;

/// <summary>401 on every operation without the right key and 404 on every unknown id, each in its dialect's error
/// envelope and validated against the status the spec declares.</summary>
public sealed class AuthAndNotFoundTests
{
    /// <summary>One request per operation of the four specs.</summary>
    public static TheoryData<string, string, string> EveryOperation => new()
    {
        { "goamz-v3.5", "POST", "suno/v1/music" },
        { "goamz-v3.5", "GET", "suno/v1/music/some-id" },
        { "goamz-v3.0", "POST", "suno/v1/v3.0/music" },
        { "goamz-v3.0", "POST", "suno/v1/v3.0/music/concat" },
        { "goamz-v3.0", "GET", "suno/v1/v3.0/music/some-id" },
        { "goamz-v3.0", "POST", "suno/v1/v3.0/lyrics" },
        { "goamz-v3.0", "GET", "suno/v1/v3.0/lyrics/some-id" },
        { "task", "POST", "suno/submit/music" },
        { "task", "POST", "suno/submit/lyrics" },
        { "task", "GET", "suno/fetch/some-id" },
        { "task", "POST", "suno/fetch" },
        { "native-v2", "POST", "suno/v2/generate" },
        { "native-v2", "GET", "suno/v2/feed?ids=some-id" },
        { "native-v2", "POST", "suno/v2/generate/lyrics" },
        { "native-v2", "GET", "suno/v2/generate/lyrics/some-id" },
        { "native-v2", "POST", "suno/v2/uploads/audio-url" },
        { "native-v2", "POST", "suno/v2/uploads/audio/some-id/upload-finish" },
        { "native-v2", "GET", "suno/v2/uploads/audio/some-id" },
        { "native-v2", "POST", "suno/v2/uploads/audio/some-id/initialize-clip" },
    };

    /// <summary>Every operation that reads something by id, asked for an id that does not exist.</summary>
    public static TheoryData<string, string, string, string?> UnknownIds => new()
    {
        { "goamz-v3.5", "GET", "suno/v1/music/nope", null },
        { "goamz-v3.0", "GET", "suno/v1/v3.0/music/nope", null },
        { "goamz-v3.0", "POST", "suno/v1/v3.0/music/concat", """{"clip_id":"nope"}""" },
        { "goamz-v3.0", "GET", "suno/v1/v3.0/lyrics/nope", null },
        { "task", "GET", "suno/fetch/task_nope", null },
        { "native-v2", "GET", "suno/v2/feed?ids=nope", null },
        { "native-v2", "GET", "suno/v2/generate/lyrics/nope", null },
        { "native-v2", "POST", "suno/v2/uploads/audio/nope/upload-finish", "{}" },
        { "native-v2", "GET", "suno/v2/uploads/audio/nope", null },
        { "native-v2", "POST", "suno/v2/uploads/audio/nope/initialize-clip", null },
    };

    [Theory]
    [MemberData(nameof(EveryOperation))]
    public async Task Missing_or_wrong_key_gets_401_in_the_dialect_envelope(string dialect, string method, string path)
    {
        await using var h = await EmulatorHarness.StartAsync();
        foreach (var authorization in new[] { null, "Bearer wrong-key", "Basic ZW11bGF0b3Ita2V5", "Bearer" })
        {
            var answer = await h.SendAsync(new HttpMethod(method), path, method == "POST" ? "{}" : null, authorization: authorization);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
            var body = answer.Object;
            switch (dialect)
            {
                case "task":
                    Assert.Equal("unauthorized", (string?)body["code"]);
                    Assert.Equal("invalid token", (string?)body["message"]);
                    break;
                case "native-v2":
                    Assert.Equal("Unauthorized", (string?)body["detail"]);
                    break;
                default:
                    Assert.Equal(401, (int)body["code"]!);
                    Assert.Equal("invalid api key", (string?)body["message"]);
                    Assert.True(body.ContainsKey("data"));
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(UnknownIds))]
    public async Task Unknown_ids_get_404_in_the_dialect_envelope(string dialect, string method, string path, string? body)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.SendAsync(new HttpMethod(method), path, body);
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        switch (dialect)
        {
            case "task":
                Assert.Equal("task_not_exist", (string?)answer.Object["code"]);
                break;
            case "native-v2":
                Assert.NotNull((string?)answer.Object["detail"]);
                break;
            default:
                Assert.Equal(404, (int)answer.Object["code"]!);
                break;
        }
    }

    [Fact]
    public async Task Tasks_are_only_visible_through_their_own_dialect()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var goamz = (string)(await h.PostAsync("suno/v1/music", """{"custom_mode":true,"input":{"prompt":"x"}}""")).Object["data"]!["task_id"]!;
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync($"suno/v1/v3.0/music/{goamz}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync($"suno/fetch/{goamz}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await h.GetAsync($"suno/v1/music/{goamz}")).Status);
    }

    [Fact]
    public async Task Paths_of_no_operation_get_a_plain_404()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.GetAsync("suno/v1/unknown", validate: false);
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Contains("Not Found", (string?)answer.Object["detail"], StringComparison.Ordinal);
    }
}
