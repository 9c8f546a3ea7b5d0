namespace Contracts.Emulator.Tests;

/// <summary>The native v2 dialect on a manual clock: clips through the feed, lyrics, the upload flow and continuing an
/// upload; every answer validated against native-v2.yaml.</summary>
public sealed class NativeV2StateTests
{
    internal static JsonObject Generate(string prompt = "[Verse]\nStars they shine above me", string? continueClipId = null, double? continueAt = null, string mv = "chirp-v3-5") => new()
    {
        ["prompt"] = prompt,
        ["tags"] = "heavy metal",
        ["mv"] = mv,
        ["title"] = "Starry",
        ["continue_clip_id"] = continueClipId,
        ["continue_at"] = continueAt,
        ["infill_start_s"] = null,
        ["infill_end_s"] = null,
    };

    [Fact]
    public async Task Generated_clips_go_submitted_queued_streaming_complete_in_the_feed()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var batch = (await h.PostAsync("suno/v2/generate", Generate())).Object;
        Assert.Equal("complete", (string?)batch["status"]);
        Assert.Equal("v3.5", (string?)batch["major_model_version"]);
        Assert.Equal(1, (int)batch["batch_size"]!);
        var ids = batch["clips"]!.AsArray().Select(c => (string)c!["id"]!).ToArray();
        Assert.Equal(2, ids.Length);
        Assert.All(batch["clips"]!.AsArray(), c => Assert.Equal("submitted", (string?)c!["status"]));

        foreach (var expected in new[] { "submitted", "submitted", "queued", "streaming", "complete" })
        {
            var feed = (await h.GetAsync($"suno/v2/feed?ids={string.Join(',', ids)}")).Json.AsArray();
            Assert.Equal(ids, feed.Select(c => (string)c!["id"]!));
            foreach (var clip in feed)
            {
                Assert.Equal(expected, (string?)clip!["status"]);
                Assert.Equal("chirp-v3-5", (string?)clip["model_name"]);
                var metadata = clip["metadata"]!;
                switch (expected)
                {
                    case "streaming":
                        Assert.Equal($"{h.Emulator.BaseAddress}emulator/stream/{clip["id"]}", (string?)clip["audio_url"]);
                        Assert.Null(metadata["duration"]);
                        break;
                    case "complete":
                        Assert.Equal($"{h.Emulator.BaseAddress}emulator/media/{clip["id"]}.wav", (string?)clip["audio_url"]);
                        Assert.Equal($"{h.Emulator.BaseAddress}emulator/media/{clip["id"]}.png", (string?)clip["image_url"]);
                        Assert.Equal(3.0, (double)metadata["duration"]!);
                        Assert.False((bool)metadata["refund_credits"]!);
                        break;
                    default:
                        Assert.Equal("", (string?)clip["audio_url"]);
                        Assert.Null(clip["image_url"]);
                        break;
                }
            }
            h.Advance();
        }
    }

    [Fact]
    public async Task Failure_marker_ends_clips_in_error_with_type_and_message()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var batch = (await h.PostAsync("suno/v2/generate", Generate("[Verse]\n#fail"))).Object;
        var id = (string)batch["clips"]![0]!["id"]!;
        h.Advance(3);
        var clip = (await h.GetAsync($"suno/v2/feed?ids={id}")).Json[0]!;
        Assert.Equal("error", (string?)clip["status"]);
        Assert.Equal("emulated_failure", (string?)clip["metadata"]!["error_type"]);
        Assert.Contains("#fail", (string?)clip["metadata"]!["error_message"], StringComparison.Ordinal);
        Assert.True((bool)clip["metadata"]!["refund_credits"]!);
        Assert.Equal("", (string?)clip["audio_url"]);
    }

    [Fact]
    public async Task Feed_leaves_unknown_ids_out_and_answers_404_when_none_is_known()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = (string)(await h.PostAsync("suno/v2/generate", Generate())).Object["clips"]![0]!["id"]!;
        var feed = (await h.GetAsync($"suno/v2/feed?ids=unknown,{id}")).Json.AsArray();
        Assert.Equal(id, (string?)Assert.Single(feed)!["id"]);
        var none = await h.GetAsync("suno/v2/feed?ids=unknown");
        Assert.Equal(HttpStatusCode.NotFound, none.Status);
        Assert.Equal("Not found.", (string?)none.Object["detail"]);
    }

    [Fact]
    public async Task Lyrics_run_then_complete_with_text_from_the_prompt()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = (string)(await h.PostAsync("suno/v2/generate/lyrics", new JsonObject { ["prompt"] = "A song about a starry night" })).Object["id"]!;
        var running = (await h.GetAsync($"suno/v2/generate/lyrics/{id}")).Object;
        Assert.Equal("running", (string?)running["status"]);
        Assert.Equal("", (string?)running["text"]);
        h.Advance(4);
        var done = (await h.GetAsync($"suno/v2/generate/lyrics/{id}")).Object;
        Assert.Equal("complete", (string?)done["status"]);
        Assert.Equal("Starry Night", (string?)done["title"]);
        Assert.Contains("starry", (string?)done["text"], StringComparison.OrdinalIgnoreCase);

        var failing = (string)(await h.PostAsync("suno/v2/generate/lyrics", new JsonObject { ["prompt"] = "#fail" })).Object["id"]!;
        h.Advance(3);
        Assert.Equal("error", (string?)(await h.GetAsync($"suno/v2/generate/lyrics/{failing}")).Object["status"]);
    }

    [Fact]
    public async Task Upload_flow_gives_a_clip_that_generate_can_continue()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var created = (await h.PostAsync("suno/v2/uploads/audio-url", new JsonObject { ["url"] = "https://example.com/audio/my-song.mp3" })).Object;
        Assert.Equal("processing", (string?)created["status"]);
        var upload = (string)created["id"]!;

        var early = await h.PostAsync($"suno/v2/uploads/audio/{upload}/initialize-clip", null);
        Assert.Equal(HttpStatusCode.NotFound, early.Status);

        Assert.Empty((await h.PostAsync($"suno/v2/uploads/audio/{upload}/upload-finish", new JsonObject { ["upload_type"] = "file_upload", ["upload_filename"] = "my-song.mp3" })).Object);
        var statuses = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((string)(await h.GetAsync($"suno/v2/uploads/audio/{upload}")).Object["status"]!);
            h.Advance();
        }
        Assert.Equal(["processing", "passed_artist_moderation", "complete"], statuses);
        var status = (await h.GetAsync($"suno/v2/uploads/audio/{upload}")).Object;
        Assert.Equal("my-song", (string?)status["title"]);
        Assert.Equal("m_" + upload, (string?)status["s3_id"]);

        var clipId = (string)(await h.PostAsync($"suno/v2/uploads/audio/{upload}/initialize-clip", null)).Object["clip_id"]!;
        Assert.Equal("m_" + upload, clipId);
        var uploaded = (await h.GetAsync($"suno/v2/feed?ids={clipId}")).Json[0]!;
        Assert.Equal("complete", (string?)uploaded["status"]);
        Assert.Equal("upload", (string?)uploaded["metadata"]!["type"]);

        var batch = (await h.PostAsync("suno/v2/generate", Generate("[Verse]\nMore", clipId, 48.762, "chirp-v3-5-upload"))).Object;
        var clip = batch["clips"]![0]!;
        Assert.Equal(clipId, (string?)clip["metadata"]!["audio_prompt_id"]);
        var entry = Assert.Single(clip["metadata"]!["history"]!.AsArray())!;
        Assert.Equal(clipId, (string?)entry["id"]);
        Assert.Equal("upload", (string?)entry["type"]);
        Assert.Equal(48.762, (double)entry["continue_at"]!);
        Assert.Equal("v3.5", (string?)batch["major_model_version"]);
    }

    [Fact]
    public async Task An_upload_url_with_the_failure_marker_ends_in_error()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var upload = (string)(await h.PostAsync("suno/v2/uploads/audio-url", new JsonObject { ["url"] = "https://example.com/#fail.mp3" })).Object["id"]!;
        await h.PostAsync($"suno/v2/uploads/audio/{upload}/upload-finish", new JsonObject());
        h.Advance();
        var status = (await h.GetAsync($"suno/v2/uploads/audio/{upload}")).Object;
        Assert.Equal("error", (string?)status["status"]);
        Assert.Contains("#fail", (string?)status["error_message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("suno/v2/generate", """{"prompt":"x","tags":"","title":"","continue_clip_id":null,"continue_at":null,"infill_start_s":null,"infill_end_s":null}""")]
    [InlineData("suno/v2/generate", """{"mv":"chirp-v3-5","prompt":"x","tags":"","title":"","continue_clip_id":"nope","continue_at":3,"infill_start_s":null,"infill_end_s":null}""")]
    [InlineData("suno/v2/generate", """{"mv":5,"prompt":"x","tags":"","title":"","continue_clip_id":null,"continue_at":null,"infill_start_s":null,"infill_end_s":null}""")]
    [InlineData("suno/v2/generate/lyrics", """{"prompt":["x"]}""")]
    [InlineData("suno/v2/uploads/audio-url", """{}""")]
    [InlineData("suno/v2/uploads/audio-url", """{"url":""")]
    public async Task Invalid_bodies_get_400_with_a_detail(string path, string body)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.PostAsync(path, body);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.False(string.IsNullOrEmpty((string?)answer.Object["detail"]));
    }
}
