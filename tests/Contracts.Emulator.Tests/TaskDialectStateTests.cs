namespace Contracts.Emulator.Tests;

/// <summary>The task dialect's state machine on a manual clock, every answer validated against task.yaml.</summary>
public sealed class TaskDialectStateTests
{
    private static JsonObject MusicBody(string prompt = "[Verse]\nNeon signs flickering", string? mv = "chirp-v3-5") => new()
    {
        ["prompt"] = prompt,
        ["tags"] = "emotional punk",
        ["title"] = "City Lights",
        ["mv"] = mv,
        ["make_instrumental"] = false,
    };

    [Fact]
    public async Task Music_task_moves_from_NOT_START_to_SUCCESS_with_streaming_then_final_urls()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var submitted = await h.PostAsync("suno/submit/music", MusicBody());
        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        Assert.Equal("success", (string?)submitted.Object["code"]);
        var id = (string)submitted.Object["data"]!;
        Assert.Matches("^task_[0-9a-f]{32}$", id);

        var seen = new List<string>();
        foreach (var (status, progress) in new[] { ("NOT_START", "0%"), ("SUBMITTED", "0%"), ("QUEUED", "0%"), ("IN_PROGRESS", "50%"), ("SUCCESS", "100%") })
        {
            var task = (await h.GetAsync($"suno/fetch/{id}")).Object["data"]!.AsObject();
            Assert.Equal(status, (string?)task["status"]);
            Assert.Equal(progress, (string?)task["progress"]);
            Assert.Equal("MUSIC", (string?)task["action"]);
            Assert.Equal(id, (string?)task["task_id"]);
            seen.Add(status);
            var clips = task["data"]!.AsArray();
            if (status == "NOT_START")
            {
                Assert.Empty(clips);
            }
            else
            {
                Assert.Equal(2, clips.Count);
            }
            if (status == "IN_PROGRESS")
            {
                Assert.All(clips, c =>
                {
                    Assert.Equal("streaming", (string?)c!["status"]);
                    Assert.Equal($"{h.Emulator.BaseAddress}emulator/stream/{c["id"]}", (string?)c["audio_url"]);
                });
                Assert.True((long)task["start_time"]! > 0);
                Assert.Equal(0, (long)task["finish_time"]!);
            }
            if (status == "SUCCESS")
            {
                Assert.All(clips, c =>
                {
                    Assert.Equal("complete", (string?)c!["status"]);
                    Assert.EndsWith($"emulator/media/{c["id"]}.wav", (string?)c["audio_url"]);
                    Assert.EndsWith(".png", (string?)c["image_url"]);
                    Assert.Equal(3.0, (double)c["metadata"]!["duration"]!);
                    Assert.Equal("chirp-v3-5", (string?)c["model_name"]);
                    Assert.Equal("v3.5", (string?)c["major_model_version"]);
                    Assert.Equal("City Lights", (string?)c["title"]);
                    Assert.Equal("[Verse]\nNeon signs flickering", (string?)c["metadata"]!["prompt"]);
                });
                Assert.Equal((long)task["submit_time"]! + 40, (long)task["finish_time"]!);
                Assert.Equal("", (string?)task["fail_reason"]);
            }
            h.Advance();
        }
        Assert.Equal(5, seen.Count);
    }

    [Fact]
    public async Task Mv_defaults_to_chirp_v3_0_as_the_page_says()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.StepDuration = TimeSpan.Zero);
        var id = (string)(await h.PostAsync("suno/submit/music", MusicBody(mv: null))).Object["data"]!;
        var clip = (await h.GetAsync($"suno/fetch/{id}")).Object["data"]!["data"]![0]!;
        Assert.Equal("chirp-v3-0", (string?)clip["model_name"]);
        Assert.Equal("v3", (string?)clip["major_model_version"]);
    }

    [Fact]
    public async Task A_prompt_with_the_failure_marker_ends_in_FAILURE_with_a_reason_and_no_data()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = (string)(await h.PostAsync("suno/submit/music", MusicBody("[Verse]\nthis one #fail s"))).Object["data"]!;
        h.Advance(3);
        var task = (await h.GetAsync($"suno/fetch/{id}")).Object["data"]!;
        Assert.Equal("FAILURE", (string?)task["status"]);
        Assert.Equal("100%", (string?)task["progress"]);
        Assert.Contains("#fail", (string?)task["fail_reason"], StringComparison.Ordinal);
        Assert.Null(task["data"]);
        Assert.True((long)task["finish_time"]! > 0);
        h.Advance(5);
        Assert.Equal("FAILURE", (string?)(await h.GetAsync($"suno/fetch/{id}")).Object["data"]!["status"]);
    }

    [Fact]
    public async Task Lyrics_task_completes_with_lyrics_derived_from_the_prompt()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = (string)(await h.PostAsync("suno/submit/lyrics", new JsonObject { ["prompt"] = "a song about city lights at night" })).Object["data"]!;
        var running = (await h.GetAsync($"suno/fetch/{id}")).Object["data"]!;
        Assert.Equal("LYRICS", (string?)running["action"]);
        Assert.Null(running["data"]);
        h.Advance(4);
        var done = (await h.GetAsync($"suno/fetch/{id}")).Object["data"]!;
        Assert.Equal("SUCCESS", (string?)done["status"]);
        var lyrics = done["data"]!;
        Assert.Equal("complete", (string?)lyrics["status"]);
        Assert.Equal("City Lights Night", (string?)lyrics["title"]);
        var text = (string)lyrics["text"]!;
        Assert.StartsWith("[Verse]\n", text, StringComparison.Ordinal);
        Assert.Contains("[Chorus]", text, StringComparison.Ordinal);
        Assert.Contains("lights", text, StringComparison.OrdinalIgnoreCase);

        // Same prompt, same lyrics.
        var again = (string)(await h.PostAsync("suno/submit/lyrics", new JsonObject { ["prompt"] = "a song about city lights at night" })).Object["data"]!;
        h.Advance(4);
        Assert.Equal(text, (string?)(await h.GetAsync($"suno/fetch/{again}")).Object["data"]!["data"]!["text"]);
    }

    [Fact]
    public async Task Continuation_clips_name_their_parent_in_history()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.StepDuration = TimeSpan.Zero);
        var first = (string)(await h.PostAsync("suno/submit/music", MusicBody())).Object["data"]!;
        var parent = (string)(await h.GetAsync($"suno/fetch/{first}")).Object["data"]!["data"]![0]!["id"]!;
        var body = MusicBody("[Verse 2]\nStill walking");
        body["task_id"] = first;
        body["continue_clip_id"] = parent;
        body["continue_at"] = 80.5;
        var second = (string)(await h.PostAsync("suno/submit/music", body)).Object["data"]!;
        var clip = (await h.GetAsync($"suno/fetch/{second}")).Object["data"]!["data"]![0]!;
        var history = clip["metadata"]!["history"]!.AsArray();
        var entry = Assert.Single(history)!;
        Assert.Equal(parent, (string?)entry["id"]);
        Assert.Equal(80.5, (double)entry["continue_at"]!);
        Assert.Equal("gen", (string?)entry["type"]);
    }

    [Fact]
    public async Task FetchTasks_returns_known_tasks_and_leaves_unknown_ids_out()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var music = (string)(await h.PostAsync("suno/submit/music", MusicBody())).Object["data"]!;
        var lyrics = (string)(await h.PostAsync("suno/submit/lyrics", new JsonObject { ["prompt"] = "rain" })).Object["data"]!;
        foreach (var _ in Enumerable.Range(0, 5))
        {
            var answer = await h.PostAsync("suno/fetch", new JsonObject { ["ids"] = new JsonArray(music, "task_unknown", lyrics), ["action"] = "" });
            var tasks = answer.Object["data"]!.AsArray();
            Assert.Equal([music, lyrics], tasks.Select(t => (string)t!["task_id"]!));
            h.Advance();
        }
        var onlyLyrics = await h.PostAsync("suno/fetch", new JsonObject { ["ids"] = new JsonArray(music, lyrics), ["action"] = "LYRICS" });
        Assert.Equal([lyrics], onlyLyrics.Object["data"]!.AsArray().Select(t => (string)t!["task_id"]!));
    }

    [Theory]
    [InlineData("""{"prompt":"x"}""", "invalid_request")]
    [InlineData("""{"make_instrumental":false}""", "prompt_empty")]
    [InlineData("""{"make_instrumental":false,"prompt":"x","continue_clip_id":"nope","continue_at":3}""", "task_not_exist")]
    [InlineData("""{"make_instrumental":false,"prompt":"x","task_id":"task_nope"}""", "task_not_exist")]
    [InlineData("""{"make_instrumental":"no","prompt":"x"}""", "invalid_request")]
    [InlineData("not json", "invalid_request")]
    public async Task Invalid_submissions_get_400_with_the_task_error_code(string body, string code)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.PostAsync("suno/submit/music", body);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(code, (string?)answer.Object["code"]);
    }
}
