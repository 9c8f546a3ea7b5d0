namespace Contracts.Emulator.Tests;

/// <summary>Both GoAmz dialects' state machines on a manual clock, every answer validated against its spec.</summary>
public sealed class GoAmzStateTests
{
    public static TheoryData<string, string> Dialects => new()
    {
        { "suno/v1/music", "chirp-v3-5" },
        { "suno/v1/v3.0/music", "chirp-v3-0" },
    };

    private static JsonObject Description(string description, string? mv = null)
    {
        var body = new JsonObject
        {
            ["custom_mode"] = false,
            ["input"] = new JsonObject
            {
                ["gpt_description_prompt"] = description,
                ["make_instrumental"] = false,
                ["prompt"] = "",
                ["title"] = "",
                ["tags"] = "",
                ["continue_at"] = 0,
                ["continue_clip_id"] = "",
            },
        };
        if (mv is not null)
        {
            body["mv"] = mv;
        }
        return body;
    }

    private static JsonObject Custom(string lyrics, string title, string? continueClipId = null, double continueAt = 0) => new()
    {
        ["custom_mode"] = true,
        ["mv"] = "chirp-v4",
        ["input"] = new JsonObject
        {
            ["prompt"] = lyrics,
            ["title"] = title,
            ["tags"] = "epic reggae",
            ["continue_at"] = continueAt,
            ["continue_clip_id"] = continueClipId ?? "",
        },
    };

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Music_task_goes_pending_processing_completed(string prefix, string defaultModel)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var submitted = await h.PostAsync(prefix, Description("blowing in the wind"));
        Assert.Equal(200, (int)submitted.Object["code"]!);
        Assert.Equal("success", (string?)submitted.Object["message"]);
        var id = (string)submitted.Object["data"]!["task_id"]!;
        Assert.True(Guid.TryParse(id, out _));

        var step = 0;
        foreach (var expected in new[] { "pending", "pending", "pending", "processing", "completed" })
        {
            var answer = await h.GetAsync($"{prefix}/{id}");
            var data = answer.Object["data"]!;
            Assert.Equal(200, (int)answer.Object["code"]!);
            Assert.Equal(expected, (string?)data["status"]);
            var clips = data["clips"]!.AsObject();
            foreach (var (key, clip) in clips)
            {
                Assert.Equal(key, (string?)clip!["id"]);
                Assert.Equal(defaultModel, (string?)clip["model_name"]);
                Assert.Equal("", (string?)clip["text"]);
                Assert.Equal("Blowing Wind", (string?)clip["title"]);
                Assert.Equal("blowing in the wind", (string?)clip["metadata"]!["gpt_description_prompt"]);
                Assert.Contains("[Verse]", (string?)clip["metadata"]!["prompt"], StringComparison.Ordinal);
                var clipStatus = (string?)clip["status"];
                switch (expected)
                {
                    case "processing":
                        Assert.Equal("streaming", clipStatus);
                        Assert.Contains("/emulator/stream/", (string?)clip["audio_url"], StringComparison.Ordinal);
                        break;
                    case "completed":
                        Assert.Equal("complete", clipStatus);
                        Assert.EndsWith(".wav", (string?)clip["audio_url"], StringComparison.Ordinal);
                        Assert.EndsWith(".large.png", (string?)clip["image_large_url"], StringComparison.Ordinal);
                        break;
                    default:
                        Assert.Contains(clipStatus, new[] { "submitted", "queued" });
                        Assert.Equal("", (string?)clip["audio_url"]);
                        break;
                }
            }
            Assert.Equal(step == 0 ? 0 : 2, clips.Count); // no clips before the vendor has submitted the task to Suno
            step++;
            h.Advance();
        }
    }

    [Fact]
    public async Task V35_echoes_the_request_as_sent_and_v30_echoes_it_flat()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var v35 = (string)(await h.PostAsync("suno/v1/music", Custom("[Verse]\nTesla riding", "Electric Dreams"))).Object["data"]!["task_id"]!;
        var input35 = JsonNode.Parse((string)(await h.GetAsync($"suno/v1/music/{v35}")).Object["data"]!["input"]!)!;
        Assert.True((bool)input35["custom_mode"]!);
        Assert.Equal("Electric Dreams", (string?)input35["input"]!["title"]);

        var v30 = (string)(await h.PostAsync("suno/v1/v3.0/music", Description("blowing in the wind", "chirp-v3-0"))).Object["data"]!["task_id"]!;
        var input30 = JsonNode.Parse((string)(await h.GetAsync($"suno/v1/v3.0/music/{v30}")).Object["data"]!["input"]!)!.AsObject();
        Assert.Equal(["custom_mode", "gpt_description_prompt", "make_instrumental", "prompt", "title", "continue_at", "continue_clip_id", "mv", "tags"], input30.Select(p => p.Key));
        Assert.Equal("chirp-v3-0", (string?)input30["mv"]);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Failure_marker_fails_the_task_with_the_reason_on_its_clips(string prefix, string defaultModel)
    {
        _ = defaultModel;
        await using var h = await EmulatorHarness.StartAsync();
        var id = (string)(await h.PostAsync(prefix, Description("please #FAIL this"))).Object["data"]!["task_id"]!;
        h.Advance(3);
        var data = (await h.GetAsync($"{prefix}/{id}")).Object["data"]!;
        Assert.Equal("failed", (string?)data["status"]);
        Assert.All(data["clips"]!.AsObject(), pair =>
        {
            Assert.Equal("error", (string?)pair.Value!["status"]);
            Assert.Contains("#fail", (string?)pair.Value["metadata"]!["error_message"], StringComparison.Ordinal);
            Assert.NotNull((string?)pair.Value["metadata"]!["error_type"]);
        });
    }

    [Fact]
    public async Task Continuation_then_concat_reference_their_parents()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.StepDuration = TimeSpan.Zero);
        const string prefix = "suno/v1/v3.0/music";
        var first = (string)(await h.PostAsync(prefix, Custom("[Verse]\nLeaves whisper", "Breeze"))).Object["data"]!["task_id"]!;
        var root = (await h.GetAsync($"{prefix}/{first}")).Object["data"]!["clips"]!.AsObject().First().Key;

        var second = (string)(await h.PostAsync(prefix, Custom("[Verse 2]\nBirds soar", "Breeze", root, 48.762))).Object["data"]!["task_id"]!;
        var extension = (await h.GetAsync($"{prefix}/{second}")).Object["data"]!["clips"]!.AsObject().First().Value!;
        var history = Assert.Single(extension["metadata"]!["history"]!.AsArray())!;
        Assert.Equal(root, (string?)history["id"]);
        Assert.Equal(48.762, (double)history["continue_at"]!);

        var concat = await h.PostAsync($"{prefix}/concat", new JsonObject { ["clip_id"] = (string)extension["id"]! });
        var concatId = (string)concat.Object["data"]!["task_id"]!;
        var task = (await h.GetAsync($"{prefix}/{concatId}")).Object["data"]!;
        Assert.Equal("completed", (string?)task["status"]);
        var full = Assert.Single(task["clips"]!.AsObject()).Value!;
        Assert.Equal("concat", (string?)full["metadata"]!["type"]);
        Assert.Equal([root, (string)extension["id"]!], full["metadata"]!["concat_history"]!.AsArray().Select(e => (string)e!["id"]!));
        Assert.Equal("{\"clip_id\":\"" + extension["id"] + "\"}", (string?)task["input"]);
    }

    [Fact]
    public async Task A_chain_of_continuations_accumulates_history_and_concat_lists_the_whole_chain()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.StepDuration = TimeSpan.Zero);
        const string prefix = "suno/v1/v3.0/music";
        async Task<string> FirstClipAsync(JsonObject body)
        {
            var id = (string)(await h.PostAsync(prefix, body)).Object["data"]!["task_id"]!;
            return (await h.GetAsync($"{prefix}/{id}")).Object["data"]!["clips"]!.AsObject().First().Key;
        }
        var root = await FirstClipAsync(Custom("[Verse]\nOne", "Chain"));
        var second = await FirstClipAsync(Custom("[Verse]\nTwo", "Chain", root, 30));
        var third = await FirstClipAsync(Custom("[Verse]\nThree", "Chain", second, 60));

        var feed = (await h.GetAsync($"suno/v2/feed?ids={third}")).Json[0]!; // the same Suno clip, read natively
        Assert.Equal([root, second], feed["metadata"]!["history"]!.AsArray().Select(e => (string)e!["id"]!));
        Assert.Equal([30.0, 60.0], feed["metadata"]!["history"]!.AsArray().Select(e => (double)e!["continue_at"]!));

        var concat = (string)(await h.PostAsync($"{prefix}/concat", new JsonObject { ["clip_id"] = third })).Object["data"]!["task_id"]!;
        var full = (await h.GetAsync($"{prefix}/{concat}")).Object["data"]!["clips"]!.AsObject().Single().Value!;
        Assert.Equal([root, second, third], full["metadata"]!["concat_history"]!.AsArray().Select(e => (string)e!["id"]!));
        Assert.Null(full["metadata"]!["history"]);
        Assert.Equal("Chain", (string?)full["title"]);
    }

    [Fact]
    public async Task Lyrics_task_fills_title_text_and_times_when_completed()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = (string)(await h.PostAsync("suno/v1/v3.0/lyrics", new JsonObject { ["prompt"] = "a folk song about the wind" })).Object["data"]!["task_id"]!;
        var pending = (await h.GetAsync($"suno/v1/v3.0/lyrics/{id}")).Object["data"]!;
        Assert.Equal("pending", (string?)pending["status"]);
        Assert.Equal("", (string?)pending["text"]);
        Assert.Null(pending["metadata"]!["started_at"]);
        Assert.Equal("{\"prompt\":\"a folk song about the wind\"}", (string?)pending["input"]);
        h.Advance(3);
        Assert.Equal("processing", (string?)(await h.GetAsync($"suno/v1/v3.0/lyrics/{id}")).Object["data"]!["status"]);
        h.Advance();
        var done = (await h.GetAsync($"suno/v1/v3.0/lyrics/{id}")).Object["data"]!;
        Assert.Equal("completed", (string?)done["status"]);
        Assert.Equal("Folk Wind", (string?)done["title"]);
        Assert.Contains("[Chorus]", (string?)done["text"], StringComparison.Ordinal);
        Assert.NotNull(done["metadata"]!["ended_at"]);

        var failing = (string)(await h.PostAsync("suno/v1/v3.0/lyrics", new JsonObject { ["prompt"] = "#fail" })).Object["data"]!["task_id"]!;
        h.Advance(3);
        Assert.Equal("failed", (string?)(await h.GetAsync($"suno/v1/v3.0/lyrics/{failing}")).Object["data"]!["status"]);
    }

    [Theory]
    [InlineData("suno/v1/music", """{"custom_mode":true,"input":{}}""")]
    [InlineData("suno/v1/music", """{"custom_mode":true,"input":{"prompt":"x","continue_clip_id":"missing","continue_at":10}}""")]
    [InlineData("suno/v1/music", """{"custom_mode":"yes","input":{"prompt":"x"}}""")]
    [InlineData("suno/v1/music", """[1,2]""")]
    [InlineData("suno/v1/v3.0/music", """{"input":"prompt"}""")]
    [InlineData("suno/v1/v3.0/music/concat", """{}""")]
    [InlineData("suno/v1/v3.0/lyrics", """{"prompt":""}""")]
    [InlineData("suno/v1/v3.0/lyrics", """{"prompt":""")]
    public async Task Invalid_bodies_get_400_in_the_GoAmz_envelope(string path, string body)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.PostAsync(path, body);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(400, (int)answer.Object["code"]!);
        Assert.Null(answer.Object["data"]);
    }
}
