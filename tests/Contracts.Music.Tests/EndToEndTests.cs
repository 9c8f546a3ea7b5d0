using System.Text.Json.Nodes;

namespace Contracts.Music.Tests;

/// <summary>Per dialect, over real HTTP: submit, wait through intermediate states to success; a failed task; lyrics; concat.</summary>
public sealed class EndToEndTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    [Fact]
    public async Task Task_dialect_submits_waits_through_states_and_succeeds()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        var success = Journeys.TaskEnvelope(Samples.Read("task", "fetchTasks.response.ours.json"), 0);
        server.Answer("POST", "/suno/submit/music", Samples.Read("task", "submitMusic.response.json"));
        server.Script("GET", "/suno/fetch/736a6f88-bd29-4b1e-b110-37132a5325ac",
            Reply.Json(Journeys.Task(success, "SUBMITTED", "0%", null, withClips: false)),
            Reply.Json(Journeys.Task(success, "QUEUED", "0%", null, withClips: false)),
            Reply.Json(Journeys.Task(success, "IN_PROGRESS", "50%", "streaming")),
            Reply.Json(success));
        using var client = server.CreateClient(MusicDialect.Task);

        var id = await client.SubmitAsync(MusicRequest.FromDescription("cat"), Ct);
        var seen = new List<MusicTask>();
        var final = await client.WaitForCompletionAsync(id, Journeys.Fast(seen), Ct);

        Assert.Equal("736a6f88-bd29-4b1e-b110-37132a5325ac", id);
        Assert.Equal([MusicTaskStatus.Pending, MusicTaskStatus.Queued, MusicTaskStatus.Running, MusicTaskStatus.Succeeded], seen.Select(t => t.Status));
        Assert.Equal([0, 0, 50, 100], seen.Select(t => t.ProgressPercent ?? -1));
        Assert.All(seen[2].Clips, c => Assert.Equal(MusicTaskStatus.Streaming, c.Status));
        Assert.True(final.IsCompleted);
        Assert.Equal(2, final.Clips.Count);
        Assert.All(final.Clips, c => Assert.NotNull(c.AudioUrl));
        Assert.NotNull(final.FinishedAt);
        Assert.Equal("Bearer " + TestKeys.ApiKey, server.Requests[0].Authorization);
    }

    [Fact]
    public async Task Task_dialect_failure_keeps_the_reason()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        var failure = Samples.Read("task", "fetchTask.response.failure.ours.json");
        server.Script("GET", "/suno/fetch/task_7Hq2Lm9Xv4Rb8Nc1Tz6Wk3Pd5Ys0Fg2J",
            Reply.Json(JsonAssert.Edit(failure, r => { r["data"]!["status"] = "IN_PROGRESS"; r["data"]!["fail_reason"] = ""; })),
            Reply.Json(failure));
        using var client = server.CreateClient(MusicDialect.Task);

        var final = await client.WaitForCompletionAsync("task_7Hq2Lm9Xv4Rb8Nc1Tz6Wk3Pd5Ys0Fg2J", Journeys.Fast(), Ct);

        Assert.Equal(MusicTaskStatus.Failed, final.Status);
        Assert.Equal("FAILURE", final.VendorStatus);
        Assert.Equal("Song Description flagged for moderation", final.FailureReason);
        Assert.Empty(final.Clips);
    }

    [Fact]
    public async Task Task_dialect_lyrics()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        var lyrics = Journeys.TaskEnvelope(Samples.Read("task", "fetchTasks.response.ours.json"), 1);
        server.Answer("POST", "/suno/submit/lyrics", Samples.Read("task", "submitLyrics.response.ours.json"));
        server.Script("GET", "/suno/fetch/task_01J3ZK5XQ8V6M2N4P7R9T1W3Y5A8C0E2",
            Reply.Json(JsonAssert.Edit(lyrics, r => { r["data"]!["status"] = "IN_PROGRESS"; r["data"]!["data"] = null; })),
            Reply.Json(lyrics));
        using var client = server.CreateClient(MusicDialect.Task);

        var result = await client.GenerateLyricsAsync("a song about the sea", Journeys.Fast(), Ct);

        Assert.Equal(MusicTaskStatus.Succeeded, result.Status);
        Assert.Equal("task_01J3ZK5XQ8V6M2N4P7R9T1W3Y5A8C0E2", result.TaskId);
        Assert.False(string.IsNullOrWhiteSpace(result.Text));
        JsonAssert.Equivalent("""{"prompt":"a song about the sea"}""", server.Requests[0].Body);
    }

    [Theory]
    [InlineData(MusicDialect.GoAmzV35, "goamz-v3.5", "/suno/v1/music", "96bff3e6-5af6-490e-b0f3-f99257883383")]
    [InlineData(MusicDialect.GoAmzV30, "goamz-v3.0", "/suno/v1/v3.0/music", "56ea8da3-8507-4118-9f1e-111111111111")]
    public async Task GoAmz_submits_waits_through_states_and_succeeds(MusicDialect dialect, string folder, string path, string taskId)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        var completed = Samples.Read(folder, "getMusic.response.json");
        server.Answer("POST", path, JsonAssert.Edit(Samples.Read("goamz-v3.0", "submitMusic.response.ours.json"), r => r["data"]!["task_id"] = taskId));
        server.Script("GET", $"{path}/{taskId}",
            Reply.Json(Journeys.GoAmz(completed, "pending", null, withClips: false)),
            Reply.Json(Journeys.GoAmz(completed, "processing", "queued")),
            Reply.Json(Journeys.GoAmz(completed, "processing", "streaming")),
            Reply.Json(completed));
        using var client = server.CreateClient(dialect);

        var id = await client.SubmitAsync(MusicRequest.Custom("[Verse]\nla la", "epic reggae", "Electric Dreams"), Ct);
        var seen = new List<MusicTask>();
        var final = await client.WaitForCompletionAsync(id, Journeys.Fast(seen), Ct);

        Assert.Equal(taskId, id);
        Assert.Equal([MusicTaskStatus.Pending, MusicTaskStatus.Running, MusicTaskStatus.Running, MusicTaskStatus.Succeeded], seen.Select(t => t.Status));
        Assert.Equal(MusicTaskStatus.Streaming, seen[2].Clips[0].Status);
        Assert.Equal("completed", final.VendorStatus);
        Assert.Equal(2, final.Clips.Count);
        Assert.Contains(final.Clips, c => c.Duration is { } d && d > TimeSpan.Zero);
    }

    [Fact]
    public async Task GoAmz_failure_keeps_the_clip_error()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        var failed = JsonAssert.Edit(Journeys.GoAmz(Samples.Read("goamz-v3.5", "getMusic.response.json"), "failed", "error"), r =>
        {
            foreach (var (_, clip) in r["data"]!["clips"]!.AsObject())
                clip!["metadata"]!["error_message"] = "Lyrics contain artist names";
        });
        server.Script("GET", "/suno/v1/music/96bff3e6-5af6-490e-b0f3-f99257883383",
            Reply.Json(Journeys.GoAmz(failed, "processing", "streaming")), Reply.Json(failed));
        using var client = server.CreateClient(MusicDialect.GoAmzV35);

        var final = await client.WaitForCompletionAsync("96bff3e6-5af6-490e-b0f3-f99257883383", Journeys.Fast(), Ct);

        Assert.Equal(MusicTaskStatus.Failed, final.Status);
        Assert.Equal("Lyrics contain artist names", final.FailureReason);
    }

    [Fact]
    public async Task GoAmz_v30_lyrics_and_concat()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        var lyrics = Samples.Read("goamz-v3.0", "getLyrics.response.ours.json");
        server.Answer("POST", "/suno/v1/v3.0/lyrics", Samples.Read("goamz-v3.0", "submitLyrics.response.ours.json"));
        server.Script("GET", "/suno/v1/v3.0/lyrics/b3c1d7a2-5e4f-4a8b-9c6d-111111111111",
            Reply.Json(JsonAssert.Edit(lyrics, r => { r["data"]!["status"] = "processing"; r["data"]!["text"] = ""; })),
            Reply.Json(lyrics));
        server.Answer("POST", "/suno/v1/v3.0/music/concat", Samples.Read("goamz-v3.0", "concatMusic.response.ours.json"));
        using var client = server.CreateClient(MusicDialect.GoAmzV30);

        var result = await client.GenerateLyricsAsync("a folk song about the wind", Journeys.Fast(), Ct);
        var concatId = await client.ConcatAsync("f66f7a6f-a868-464f-b280-111111111111", Ct);

        Assert.Equal(MusicTaskStatus.Succeeded, result.Status);
        Assert.Equal("Whispers of the Wind", result.Title);
        Assert.StartsWith("[Verse]", result.Text);
        Assert.Equal("c4a1f0d2-7e3b-4b9a-8f6e-2d5c9b1a7e30", concatId);
        JsonAssert.Equivalent("""{"clip_id":"f66f7a6f-a868-464f-b280-111111111111"}""", server.Requests.Single(r => r.Path.EndsWith("concat")).Body);
    }

    [Fact]
    public async Task Native_generates_waits_through_clip_states_and_succeeds()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        var feed = Samples.Read("native-v2", "getFeed.response.ours.json");
        server.Answer("POST", "/suno/v2/generate", Samples.Read("native-v2", "generateMusic.response.json"));
        server.Script("GET", "/suno/v2/feed",
            Reply.Json(Journeys.Feed(feed, "queued")),
            Reply.Json(Journeys.Feed(feed, "streaming")),
            Reply.Json(feed),
            Reply.Json(Journeys.Feed(feed, "complete")));
        using var client = server.CreateClient(MusicDialect.NativeV2);

        var id = await client.SubmitAsync(new MusicRequest { Instrumental = true, Tags = "heavy metal", Title = "Starry " }, Ct);
        var seen = new List<MusicTask>();
        var final = await client.WaitForCompletionAsync(id, Journeys.Fast(seen), Ct);

        Assert.Equal("7070ec00-462e-42ac-9b9f-1074977f473f,00e6b9e4-c29c-4cfe-8d7a-5b3f06ff5b90", id);
        Assert.Equal([MusicTaskStatus.Queued, MusicTaskStatus.Streaming, MusicTaskStatus.Streaming, MusicTaskStatus.Succeeded], seen.Select(t => t.Status));
        Assert.Equal("complete,streaming", seen[2].VendorStatus);
        Assert.Equal(id, final.Id);
        Assert.All(server.Requests.Where(r => r.Path == "/suno/v2/feed"), r => Assert.Equal("?ids=" + Uri.EscapeDataString(id), r.Query));
    }

    [Fact]
    public async Task Native_failure_keeps_the_clip_error_and_lyrics_work()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        var feed = Samples.Read("native-v2", "getFeed.response.ours.json");
        server.Script("GET", "/suno/v2/feed", Reply.Json(Journeys.Feed(feed, "error", "Audio flagged by moderation")));
        var lyrics = Samples.Read("native-v2", "getLyrics.response.ours.json");
        server.Answer("POST", "/suno/v2/generate/lyrics", Samples.Read("native-v2", "generateLyrics.response.ours.json"));
        server.Script("GET", "/suno/v2/generate/lyrics/3f1a9c52-6b0e-4a8d-9c1e-2d7b5e8f4a10",
            Reply.Json(JsonAssert.Edit(lyrics, r => { r["status"] = "running"; r["text"] = ""; })), Reply.Json(lyrics));
        using var client = server.CreateClient(MusicDialect.NativeV2);

        var failed = await client.WaitForCompletionAsync("7070ec00-462e-42ac-9b9f-1074977f473f,00e6b9e4-c29c-4cfe-8d7a-5b3f06ff5b90", Journeys.Fast(), Ct);
        var words = await client.GenerateLyricsAsync("starry night", Journeys.Fast(), Ct);

        Assert.Equal(MusicTaskStatus.Failed, failed.Status);
        Assert.Equal("Audio flagged by moderation", failed.FailureReason);
        Assert.Equal(MusicTaskStatus.Succeeded, words.Status);
        Assert.Equal("Starry Night", words.Title);
    }

    [Fact]
    public async Task Native_upload_turns_a_url_into_a_clip()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        const string upload = "2e584f32-7ae3-4b2d-93f6-391f65a01f15";
        server.Answer("POST", "/suno/v2/uploads/audio-url", Samples.Read("native-v2", "createUpload.response.ours.json"));
        server.Answer("POST", $"/suno/v2/uploads/audio/{upload}/upload-finish", Samples.Read("native-v2", "finishUpload.response.ours.json"));
        var status = Samples.Read("native-v2", "getUpload.response.ours.json");
        server.Script("GET", $"/suno/v2/uploads/audio/{upload}", Reply.Json(JsonAssert.Edit(status, r => r["status"] = "processing")), Reply.Json(status));
        server.Answer("POST", $"/suno/v2/uploads/audio/{upload}/initialize-clip", Samples.Read("native-v2", "initializeUploadClip.response.ours.json"));
        using var client = server.CreateClient(MusicDialect.NativeV2);

        var clipId = await client.UploadAsync(new Uri("https://example.com/music/my-song.mp3"), Journeys.Fast(), Ct);

        Assert.Equal("m_2e584f32-7ae3-4b2d-93f6-391f65a01f15", clipId);
        JsonAssert.Equivalent("""{"url":"https://example.com/music/my-song.mp3"}""", server.Requests[0].Body);
        JsonAssert.Equivalent("""{"upload_type":"file_upload","upload_filename":"my-song.mp3"}""", server.Requests[1].Body);
    }

    [Fact]
    public async Task Unknown_status_and_extra_fields_never_break_reading()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        var odd = JsonAssert.Edit(Samples.Read("task", "fetchTask.response.ours.json"), r =>
        {
            r["data"]!["status"] = "MYSTERY_STATE";
            r["data"]!["brand_new_field"] = new JsonObject { ["nested"] = 1 };
            r["surprise"] = true;
        });
        server.Answer("GET", "/suno/fetch/736a6f88-bd29-4b1e-b110-37132a5325ac", odd);
        using var client = server.CreateClient(MusicDialect.Task);

        var task = await client.GetTaskAsync("736a6f88-bd29-4b1e-b110-37132a5325ac", Ct);

        Assert.Equal("MYSTERY_STATE", task.Status.Value);
        Assert.False(task.Status.IsKnown);
        Assert.False(task.IsCompleted);
        Assert.Equal(1, task.Raw.GetProperty("brand_new_field").GetProperty("nested").GetInt32());
    }
}
