namespace Contracts.Emulator.Tests;

/// <summary><see cref="VendorEmulatorOptions.StatePath"/>: tasks, clips, lyrics and uploads outlive the emulator (and
/// its process), and a file that is not a state file is one clear error.</summary>
public sealed class StateFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-state-").FullName;

    private string StatePath => Path.Combine(_folder, "nested", "state.json");

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static JsonObject TaskMusic(string prompt) => new()
    {
        ["prompt"] = prompt, ["tags"] = "punk", ["title"] = "City Lights", ["mv"] = "chirp-v3-5", ["make_instrumental"] = false,
    };

    private static JsonObject GoAmzDescription(string description, string? continueClipId = null) => new()
    {
        ["custom_mode"] = false,
        ["mv"] = "chirp-v3-0",
        ["input"] = new JsonObject
        {
            ["gpt_description_prompt"] = description, ["make_instrumental"] = false, ["prompt"] = "", ["title"] = "", ["tags"] = "",
            ["continue_at"] = continueClipId is null ? 0 : 30, ["continue_clip_id"] = continueClipId ?? "",
        },
    };

    [Fact]
    public async Task Everything_made_before_a_restart_is_there_after_it_and_has_moved_on_with_the_clock()
    {
        string taskId, lyricsId, goAmzId, uploadId, clipId;
        long rowNumber;
        await using (var before = await EmulatorHarness.StartAsync(o => o.StatePath = StatePath))
        {
            taskId = (string)(await before.PostAsync("suno/submit/music", TaskMusic("[Verse]\nNeon"))).Object["data"]!;
            lyricsId = (string)(await before.PostAsync("suno/submit/lyrics", new JsonObject { ["prompt"] = "the sea" })).Object["data"]!;
            goAmzId = (string)(await before.PostAsync("suno/v1/v3.0/music", GoAmzDescription("wind"))).Object["data"]!["task_id"]!;
            uploadId = (string)(await before.PostAsync("suno/v2/uploads/audio-url", new JsonObject { ["url"] = "https://example.com/a/song.mp3" })).Object["id"]!;
            await before.PostAsync($"suno/v2/uploads/audio/{uploadId}/upload-finish", new JsonObject { ["upload_type"] = "file_upload", ["upload_filename"] = "song.mp3" });
            var task = (await before.GetAsync($"suno/fetch/{taskId}")).Object["data"]!;
            Assert.Equal("NOT_START", (string?)task["status"]);
            rowNumber = (long)task["id"]!;
            before.Advance(4);
            clipId = (string)(await before.GetAsync($"suno/fetch/{taskId}")).Object["data"]!["data"]![0]!["id"]!;
        }
        Assert.True(File.Exists(StatePath));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(StatePath)!, "*.tmp"));

        // A new emulator on a clock that has gone on: what the first one made is final now.
        await using var after = await EmulatorHarness.StartAsync(o => o.StatePath = StatePath);
        after.Advance(5);
        var fetched = (await after.GetAsync($"suno/fetch/{taskId}")).Object["data"]!;
        Assert.Equal("SUCCESS", (string?)fetched["status"]);
        Assert.Equal(rowNumber, (long)fetched["id"]!);
        Assert.Equal(clipId, (string?)fetched["data"]![0]!["id"]);
        Assert.Equal("SUCCESS", (string?)(await after.GetAsync($"suno/fetch/{lyricsId}")).Object["data"]!["status"]);
        Assert.Equal("completed", (string?)(await after.GetAsync($"suno/v1/v3.0/music/{goAmzId}")).Object["data"]!["status"]);
        Assert.Equal("complete", (string?)(await after.GetAsync($"suno/v2/uploads/audio/{uploadId}")).Object["status"]);
        Assert.Equal("task", after.Emulator.FindTaskDialect(taskId));
        Assert.Equal("goamz-v3.0", after.Emulator.FindTaskDialect(goAmzId));
        Assert.Null(after.Emulator.FindTaskDialect("nope"));

        // A clip from before can be continued (in another dialect) and concatenated, and its audio is served.
        var continued = (string)(await after.PostAsync("suno/v1/v3.0/music", GoAmzDescription("more wind", clipId))).Object["data"]!["task_id"]!;
        after.Advance(4);
        var extension = (await after.GetAsync($"suno/v1/v3.0/music/{continued}")).Object["data"]!["clips"]!.AsObject().First().Value!;
        Assert.Equal(clipId, (string?)extension["metadata"]!["history"]![0]!["id"]);
        using var audio = await after.Raw.GetAsync($"emulator/media/{clipId}.wav", TestCancellation.Token);
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        var next = (await after.PostAsync("suno/submit/music", TaskMusic("[Verse]\nAgain"))).Object["data"]!;
        // The row counter goes on from the file (every task of every dialect took a number: 4 before this one).
        Assert.Equal(rowNumber + 4, (long)(await after.GetAsync($"suno/fetch/{next}")).Object["data"]!["id"]!);
    }

    [Fact]
    public async Task Two_emulators_sharing_a_file_read_each_others_tasks_and_lose_none()
    {
        await using var first = await EmulatorHarness.StartAsync(o => o.StatePath = StatePath);
        await using var second = await EmulatorHarness.StartAsync(o => o.StatePath = StatePath);

        var one = (string)(await first.PostAsync("suno/submit/music", TaskMusic("one"))).Object["data"]!;
        var two = (string)(await second.PostAsync("suno/submit/music", TaskMusic("two"))).Object["data"]!;

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync($"suno/fetch/{one}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync($"suno/fetch/{two}")).Status);
        await using var third = await EmulatorHarness.StartAsync(o => o.StatePath = StatePath);
        Assert.Equal("task", third.Emulator.FindTaskDialect(one));
        Assert.Equal("task", third.Emulator.FindTaskDialect(two));
    }

    [Theory]
    [InlineData("{ not json", "is not a valid emulator state file")]
    [InlineData("""{"tasks": []}""", "is not an emulator state file")]
    [InlineData("""{"version": 2, "tasks": []}""", "has version 2; this emulator reads version 1")]
    [InlineData("""{"version": 1, "tasks": [{"id": "t"}]}""", "is not a valid emulator state file")]
    public async Task A_file_that_is_not_a_state_file_of_this_version_is_refused_naming_it(string content, string problem)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StatePath)!);
        await File.WriteAllTextAsync(StatePath, content, TestCancellation.Token);

        var error = await Assert.ThrowsAsync<EmulatorStateException>(
            () => VendorEmulator.StartAsync(new VendorEmulatorOptions { StatePath = StatePath }, TestCancellation.Token));

        Assert.Equal(Path.GetFullPath(StatePath), error.StatePath);
        Assert.StartsWith($"The emulator state file {Path.GetFullPath(StatePath)} {problem}", error.Message);
        Assert.Contains("Delete it", error.Message);
        Assert.Equal(content, await File.ReadAllTextAsync(StatePath, TestCancellation.Token));
    }

    [Fact]
    public async Task Without_a_state_path_nothing_is_written()
    {
        await using (var h = await EmulatorHarness.StartAsync())
        {
            await h.PostAsync("suno/submit/music", TaskMusic("x"));
        }
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
        Assert.Throws<ArgumentException>(() => { _ = VendorEmulator.StartAsync(new VendorEmulatorOptions { StatePath = " " }).GetAwaiter().GetResult(); });
    }
}
