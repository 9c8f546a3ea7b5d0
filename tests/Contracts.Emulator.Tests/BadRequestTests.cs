namespace Contracts.Emulator.Tests;

/// <summary>A body that is not JSON, or not a JSON object, gets 400 in the dialect's envelope on every operation that
/// takes a body (all of them declare 400).</summary>
public sealed class BadRequestTests
{
    public static TheoryData<string, string> BodyOperations => new()
    {
        { "goamz-v3.5", "suno/v1/music" },
        { "goamz-v3.0", "suno/v1/v3.0/music" },
        { "goamz-v3.0", "suno/v1/v3.0/music/concat" },
        { "goamz-v3.0", "suno/v1/v3.0/lyrics" },
        { "task", "suno/submit/music" },
        { "task", "suno/submit/lyrics" },
        { "task", "suno/fetch" },
        { "native-v2", "suno/v2/generate" },
        { "native-v2", "suno/v2/generate/lyrics" },
        { "native-v2", "suno/v2/uploads/audio-url" },
        { "native-v2", "suno/v2/uploads/audio/any/upload-finish" },
    };

    [Theory]
    [MemberData(nameof(BodyOperations))]
    public async Task Not_json_or_not_an_object_is_400_in_the_dialect_envelope(string dialect, string path)
    {
        await using var h = await EmulatorHarness.StartAsync();
        foreach (var body in new[] { "{\"prompt\": ", "[1, 2]", "\"text\"", "" })
        {
            var answer = await h.PostAsync(path, body);
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            switch (dialect)
            {
                case "task":
                    Assert.Equal("invalid_request", (string?)answer.Object["code"]);
                    break;
                case "native-v2":
                    Assert.StartsWith("invalid request body", (string?)answer.Object["detail"], StringComparison.Ordinal);
                    break;
                default:
                    Assert.Equal(400, (int)answer.Object["code"]!);
                    break;
            }
        }
    }

    [Theory]
    [InlineData("""{"ids":"task_1"}""")]
    [InlineData("""{"ids":[1]}""")]
    [InlineData("""{"action":""}""")]
    public async Task FetchTasks_needs_an_array_of_ids(string body)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.PostAsync("suno/fetch", body);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_request", (string?)answer.Object["code"]);
    }
}
