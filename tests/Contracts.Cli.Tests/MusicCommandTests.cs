using Contracts.Emulator;
using Contracts.Music;

namespace Contracts.Cli.Tests;

/// <summary>generate, lyrics, concat, fetch, inspect, vendors: in-process against the emulator (embedded or started here).</summary>
public sealed class MusicCommandTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    private static string Root => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    /// <summary>Every dialect of the catalog, by the name the tool takes.</summary>
    public static TheoryData<string> DialectNames() => new(Contracts.Clients.DialectCatalog.All.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(DialectNames))]
    public async Task Generate_on_the_embedded_emulator_shows_progress_and_downloads_valid_wav_files(string dialect)
    {
        using var cli = new CliRun();

        var (code, output, error) = await cli.RunAsync("generate", "a calm song about the sea", "--dialect", dialect, "--out", cli.Out, "--emulator-step", "20");

        Assert.True(code == 0, error);
        Assert.Contains($"using the embedded emulator at http://127.0.0.1:", error);
        Assert.DoesNotContain("embedded emulator", output);
        Assert.Contains("succeeded", output);
        var files = Directory.GetFiles(cli.Out, "*.wav");
        Assert.Equal(2, files.Length);
        Assert.All(files, WavFile.AssertValid);
        Assert.All(files, f => Assert.Contains($"saved {Path.GetRelativePath(Environment.CurrentDirectory, f)}", output));
    }

    [Fact]
    public async Task Generate_in_custom_mode_from_a_lyrics_file_with_model_and_instrumental()
    {
        using var cli = new CliRun();
        var lyrics = Path.Combine(cli.Folder, "lyrics.txt");
        await File.WriteAllTextAsync(lyrics, "[Verse]\nWaves roll in\nSalt on the wind", Ct);

        var (code, output, error) = await cli.RunAsync("generate", "--lyrics", lyrics, "--tags", "folk", "--title", "Tide", "--model", "chirp-v3-5",
            "--out", cli.Out, "--emulator-step", "20");
        var (instrumental, _, instrumentalError) = await cli.RunAsync("generate", "--instrumental", "--tags", "ambient", "--title", "Calm",
            "--out", cli.Out, "--emulator-step", "20");

        Assert.True(code == 0, error);
        Assert.Contains("Tide", output);
        Assert.Contains("chirp-v3-5", output);
        Assert.True(instrumental == 0, instrumentalError);
        Assert.Equal(4, Directory.GetFiles(cli.Out, "*.wav").Length);
    }

    [Fact]
    public async Task A_failing_prompt_exits_3_with_the_reason()
    {
        using var cli = new CliRun();

        var (code, _, error) = await cli.RunAsync("generate", "a song #fail", "--out", cli.Out, "--emulator-step", "20");

        Assert.Equal(ExitCodes.Failed, code);
        // The embedded emulator's notice comes first on stderr, then the one error line.
        Assert.StartsWith("No --vendor or --base-url: using the embedded emulator", error);
        Assert.StartsWith("error: task ", error.Split('\n')[1]);
        Assert.Contains("failed", error);
        Assert.False(Directory.Exists(cli.Out) && Directory.GetFiles(cli.Out).Length > 0);
    }

    [Fact]
    public async Task Continue_concat_and_fetch_against_a_running_emulator()
    {
        await using var emulator = await VendorEmulator.StartAsync(new VendorEmulatorOptions { StepDuration = TimeSpan.FromMilliseconds(20) }, Ct);
        using var music = new MusicClient(new MusicClientOptions { BaseUrl = emulator.BaseAddress, Dialect = MusicDialect.GoAmzV30, ApiKey = emulator.ApiKey });
        var first = await music.WaitForCompletionAsync(await music.SubmitAsync(MusicRequest.FromDescription("sea"), Ct),
            new MusicWaitOptions { PollInterval = TimeSpan.FromMilliseconds(10) }, Ct);
        var parent = first.Clips[0].Id;
        using var cli = new CliRun();
        string[] target = ["--base-url", emulator.BaseAddress.ToString(), "--dialect", "goamz-v3.0", "--api-key", emulator.ApiKey];

        var (extended, extendOutput, extendError) = await cli.RunAsync(["generate", "--lyrics", WriteLyrics(cli), "--tags", "folk", "--title", "Tide II",
            "--continue", parent, "--at", "30", "--out", cli.Out, .. target]);
        var (concat, concatOutput, concatError) = await cli.RunAsync(["concat", parent, "--out", cli.Out, .. target]);
        var (fetch, fetchOutput, _) = await cli.RunAsync(["fetch", first.Id, .. target]);
        var (json, jsonOutput, _) = await cli.RunAsync(["fetch", first.Id, "--json", .. target]);

        Assert.True(extended == 0, extendError);
        Assert.DoesNotContain("embedded emulator", extendOutput);
        Assert.True(concat == 0, concatError);
        Assert.Contains("Submitted concat", concatOutput);
        Assert.Equal(0, fetch);
        Assert.Contains($"task {first.Id}: succeeded", fetchOutput);
        Assert.Contains(parent, fetchOutput);
        Assert.Equal(0, json);
        Assert.Contains("\"clips\"", jsonOutput);
        Assert.All(Directory.GetFiles(cli.Out, "*.wav"), WavFile.AssertValid);
    }

    [Fact]
    public async Task Lyrics_on_the_embedded_emulator_prints_title_and_text()
    {
        using var cli = new CliRun();

        var (code, output, error) = await cli.RunAsync("lyrics", "the northern lights", "--emulator-step", "20");

        Assert.True(code == 0, error);
        Assert.Contains("# ", output);
        Assert.Contains("[Verse", output);
    }

    [Fact]
    public async Task Inspect_prints_the_facade_view_of_a_saved_payload()
    {
        using var cli = new CliRun();

        var (code, output, _) = await cli.RunAsync("inspect", Path.Combine(Root, "specs/samples/goamz-v3.5/getMusic.response.json"), "--dialect", "goamz-v3.5");
        var (error, _, message) = await cli.RunAsync("inspect", Path.Combine(Root, "specs/samples/task/fetchTask.response.401.ours.json"), "--dialect", "task");

        Assert.Equal(0, code);
        Assert.Contains("task 96bff3e6-5af6-490e-b0f3-f99257883383: succeeded 100% (vendor: completed", output);
        Assert.Contains("Electric Dreams", output);
        Assert.Contains("139.16 s", output);
        Assert.Equal(ExitCodes.Failed, error);
        Assert.StartsWith("error: payload (Task) inspect failed", message);
    }

    [Fact]
    public async Task Inspect_lists_the_drift_of_a_saved_payload()
    {
        using var cli = new CliRun();
        var drifted = Path.Combine(cli.Out, "drifted.json");
        Directory.CreateDirectory(cli.Out);
        await File.WriteAllTextAsync(drifted, """{"code":"success","message":"","data":{"task_id":"t1","action":"MUSIC","status":"REVIEWING","progress":"50%","submit_time":"soon","data":[]}}""");

        var (code, output, _) = await cli.RunAsync("inspect", drifted, "--dialect", "task");
        var (_, clean, _) = await cli.RunAsync("inspect", Path.Combine(Root, "specs/samples/task/fetchTask.response.ours.json"), "--dialect", "task");

        Assert.Equal(0, code);
        Assert.Contains("drift: 2 item(s) do not match the task spec (read anyway; the spec may need an update):", output);
        Assert.Contains("  SunoTask.status: \"REVIEWING\", expected a status the spec lists (UnknownValue)", output);
        Assert.Contains("  SunoTask.submit_time: string \"soon\", expected", output);
        Assert.Contains("drift: none (everything read matches the task spec)", clean);
    }

    [Fact]
    public async Task Vendors_lists_the_built_in_profiles()
    {
        using var cli = new CliRun();

        var (code, output, _) = await cli.RunAsync("vendors");

        Assert.Equal(0, code);
        foreach (var vendor in new[] { "openai-core", "hichat", "openai-hub", "global-agent", "https://api.openai-hub.com/" })
            Assert.Contains(vendor, output);
    }

    private static string WriteLyrics(CliRun cli)
    {
        var path = Path.Combine(cli.Folder, "more.txt");
        File.WriteAllText(path, "[Verse]\nAnd the tide comes back");
        return path;
    }
}
