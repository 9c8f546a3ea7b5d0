using System.Text.Json;

namespace Contracts.Cli.Tests;

/// <summary>
/// The embedded emulator's state file: each command below is a separate process, and the songs one made are there for
/// the next (continue, concat, fetch), with no emulator left running in between.
/// </summary>
public sealed class EmulatorStateTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Generate_continue_concat_and_fetch_work_across_processes_with_no_server_running()
    {
        using var folder = new CliRun();
        var state = Path.Combine(folder.Folder, "state", "emulator.json");
        string[] common = ["--state", state, "--emulator-step", "20", "--out", folder.Out];
        var lyrics = Path.Combine(folder.Folder, "part2.txt");
        await File.WriteAllTextAsync(lyrics, "[Verse]\nAnd the tide comes back", TestCancellation.Token);

        var first = await CliProcess.RunAsync(folder.Folder, ["generate", "a calm song about the sea", "--json", .. common], limit: Limit);
        Assert.True(first.Code == 0, Describe("generate", first));
        Assert.True(File.Exists(state), "no state file after generate");
        using var song = JsonDocument.Parse(first.Out);
        var taskId = song.RootElement.GetProperty("id").GetString()!;
        var clipId = song.RootElement.GetProperty("clips")[0].GetProperty("id").GetString()!;

        var extended = await CliProcess.RunAsync(folder.Folder,
            ["generate", "--lyrics", lyrics, "--tags", "folk", "--title", "Tide II", "--continue", clipId, "--at", "30", "--json", .. common], limit: Limit);
        Assert.True(extended.Code == 0, Describe("generate --continue", extended));
        using var extension = JsonDocument.Parse(extended.Out);
        var extensionClip = extension.RootElement.GetProperty("clips")[0];
        Assert.Equal(clipId, extensionClip.GetProperty("continuedFromClipId").GetString());
        var lastClipId = extensionClip.GetProperty("id").GetString()!;

        // concat exists only in GoAmz v3.0: the embedded emulator speaks it for concat without --dialect.
        var concat = await CliProcess.RunAsync(folder.Folder, ["concat", lastClipId, "--json", .. common], limit: Limit);
        Assert.True(concat.Code == 0, Describe("concat", concat));
        Assert.Contains("goamz-v3.0 dialect", concat.Err);
        using var full = JsonDocument.Parse(concat.Out);
        Assert.Equal("succeeded", full.RootElement.GetProperty("status").GetString());
        var concatTaskId = full.RootElement.GetProperty("id").GetString()!;
        var chain = full.RootElement.GetProperty("raw").GetRawText();
        Assert.Contains(clipId, chain);
        Assert.Contains(lastClipId, chain);

        // The first task, in the dialect that made it (task), and the concat task in its own (GoAmz v3.0). States are
        // computed with the reading process's step, so the same --emulator-step.
        var fetched = await CliProcess.RunAsync(folder.Folder, ["fetch", taskId, "--json", "--state", state, "--emulator-step", "20"], limit: Limit);
        Assert.True(fetched.Code == 0, Describe("fetch", fetched));
        using var task = JsonDocument.Parse(fetched.Out);
        Assert.Equal(taskId, task.RootElement.GetProperty("id").GetString());
        Assert.Equal("task", task.RootElement.GetProperty("dialect").GetString());
        Assert.Equal("succeeded", task.RootElement.GetProperty("status").GetString());
        Assert.Equal(taskId, task.RootElement.GetProperty("raw").GetProperty("task_id").GetString());
        var fetchedConcat = await CliProcess.RunAsync(folder.Folder, ["fetch", concatTaskId, "--state", state, "--emulator-step", "20"], limit: Limit);
        Assert.True(fetchedConcat.Code == 0, Describe("fetch (concat task)", fetchedConcat));
        Assert.Contains($"task {concatTaskId}: succeeded", fetchedConcat.Out);

        Assert.Equal(5, Directory.GetFiles(folder.Out, "*.wav").Length);
        Assert.All(Directory.GetFiles(folder.Out, "*.wav"), WavFile.AssertValid);
    }

    [Fact]
    public async Task A_task_left_unfinished_by_one_process_has_moved_on_when_the_next_reads_it()
    {
        using var folder = new CliRun();
        var state = Path.Combine(folder.Folder, "emulator.json");

        // A timeout shorter than the song (4 steps of 1 s): generate gives up and names the task; the wall clock goes on.
        var first = await CliProcess.RunAsync(folder.Folder, ["generate", "a slow song", "--state", state, "--emulator-step", "1000", "--timeout", "1", "--out", folder.Out], limit: Limit);
        Assert.True(first.Code == ExitCodes.Failed, Describe("generate", first));
        var taskId = first.Out.Split('\n').Single(l => l.StartsWith("Submitted to", StringComparison.Ordinal)).Split("task ")[^1].Trim();
        Assert.Contains($"read it with: contracts fetch {taskId} --state {state}", first.Err);

        await Task.Delay(TimeSpan.FromSeconds(3.5), TestCancellation.Token);
        var later = await CliProcess.RunAsync(folder.Folder, ["fetch", taskId, "--state", state, "--emulator-step", "1000"], limit: Limit);

        Assert.True(later.Code == 0, Describe("fetch", later));
        Assert.Contains($"task {taskId}: succeeded", later.Out);
    }

    [Fact]
    public async Task An_unknown_task_names_the_state_file_instead_of_advising_to_try_again()
    {
        using var cli = new CliRun();
        var state = Path.Combine(cli.Folder, "emulator.json");

        var (code, output, error) = await cli.RunAsync("fetch", "task_nope", "--state", state);

        Assert.Equal(ExitCodes.UsageOrInput, code);
        Assert.Equal("", output);
        Assert.Contains($"no task task_nope in its state file {state}", error);
        Assert.DoesNotContain("try again", error);
    }

    [Theory]
    [InlineData("generate", "--lyrics", "EmulatorStateTests.cs", "--continue")]
    [InlineData("concat")]
    public async Task An_unknown_clip_names_the_state_file_before_anything_is_submitted(params string[] command)
    {
        using var cli = new CliRun();
        var state = Path.Combine(cli.Folder, "emulator.json");
        var lyrics = Path.Combine(cli.Folder, "EmulatorStateTests.cs");
        await File.WriteAllTextAsync(lyrics, "la la", TestCancellation.Token);
        string[] args = [.. command.Select(a => a == "EmulatorStateTests.cs" ? lyrics : a), "clip_nope", "--state", state, "--out", cli.Out];

        var (code, output, error) = await cli.RunAsync(args);

        Assert.Equal(ExitCodes.UsageOrInput, code);
        Assert.Equal("", output);
        Assert.Contains($"no clip clip_nope in its state file {state}", error);
        Assert.False(File.Exists(state), "nothing was submitted, so nothing was saved");
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"version": 99, "tasks": []}""")]
    [InlineData("""[1, 2]""")]
    public async Task A_corrupt_or_foreign_state_file_is_one_clear_error_naming_it_and_how_to_reset(string content)
    {
        using var cli = new CliRun();
        var state = Path.Combine(cli.Folder, "emulator.json");
        await File.WriteAllTextAsync(state, content, TestCancellation.Token);

        var (code, _, error) = await cli.RunAsync("generate", "a song", "--state", state, "--out", cli.Out);

        Assert.Equal(ExitCodes.UsageOrInput, code);
        Assert.StartsWith($"error: The emulator state file {state}", error);
        Assert.Contains($"contracts emulate --reset --state {state}", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal(content, await File.ReadAllTextAsync(state, TestCancellation.Token));
    }

    [Fact]
    public async Task Emulate_reset_clears_the_state_file_and_says_so()
    {
        using var cli = new CliRun();
        var state = Path.Combine(cli.Folder, "emulator.json");
        var (generated, _, generateError) = await cli.RunAsync("lyrics", "the sea", "--state", state, "--emulator-step", "10");
        Assert.True(generated == 0, generateError);
        Assert.True(File.Exists(state));

        var (code, output, _) = await cli.RunAsync("emulate", "--reset", "--state", state);
        var (again, againOutput, _) = await cli.RunAsync("emulate", "--reset", "--state", state);

        Assert.Equal(0, code);
        Assert.Contains($"Cleared the emulator state: deleted {state}", output);
        Assert.False(File.Exists(state));
        Assert.Equal(0, again);
        Assert.Contains("No emulator state to clear", againOutput);
    }

    private static string Describe(string step, (int Code, string Out, string Err) run) =>
        $"{step}: exit code {run.Code}\nstdout:\n{run.Out}\nstderr:\n{run.Err}";
}
