using System.Text.Json;

namespace Contracts.Cli.Tests;

/// <summary>
/// <c>--json</c>: stdout is exactly one JSON document (the normalized view with the vendor's JSON under <c>raw</c>), so
/// <c>contracts ... --json | jq</c> works; the embedded emulator's notice and the progress go to stderr.
/// </summary>
public sealed class JsonOutputTests
{
    private static string Root => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    private static readonly string[] TaskProperties =
        ["id", "dialect", "status", "vendorStatus", "progressPercent", "failureReason", "submittedAt", "startedAt", "finishedAt", "clips", "lyrics", "drift", "raw"];

    [Fact]
    public async Task Generate_json_is_one_task_document_with_the_files_saved_and_progress_on_stderr()
    {
        using var cli = new CliRun();

        var (code, output, error) = await cli.RunAsync("generate", "a calm song about the sea", "--json", "--out", cli.Out, "--emulator-step", "20");

        Assert.True(code == 0, error);
        using var document = JsonDocument.Parse(output);
        AssertTask(document.RootElement, "succeeded");
        Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("raw").ValueKind);
        var clips = document.RootElement.GetProperty("clips");
        Assert.Equal(2, clips.GetArrayLength());
        foreach (var clip in clips.EnumerateArray())
        {
            Assert.True(File.Exists(Path.GetFullPath(clip.GetProperty("file").GetString()!)));
            Assert.Equal(3, clip.GetProperty("durationSeconds").GetDouble());
        }
        Assert.Contains("using the embedded emulator", error);
        Assert.Contains("Submitted to emulator", error);
        Assert.Contains("saved ", error);
    }

    [Fact]
    public async Task A_failed_generate_still_prints_the_task_document_and_exits_3()
    {
        using var cli = new CliRun();

        var (code, output, error) = await cli.RunAsync("generate", "a song #fail", "--json", "--out", cli.Out, "--emulator-step", "20");

        Assert.Equal(ExitCodes.Failed, code);
        using var document = JsonDocument.Parse(output);
        AssertTask(document.RootElement, "failed");
        Assert.Contains("failure marker", document.RootElement.GetProperty("failureReason").GetString());
        Assert.Contains("error: task ", error);
    }

    [Fact]
    public async Task Fetch_json_is_the_task_document_with_what_the_vendor_sent_under_raw()
    {
        await using var emulator = await Contracts.Emulator.VendorEmulator.StartAsync(
            new Contracts.Emulator.VendorEmulatorOptions { StepDuration = TimeSpan.Zero }, TestCancellation.Token);
        using var cli = new CliRun();
        string[] target = ["--base-url", emulator.BaseAddress.ToString(), "--dialect", "goamz-v3.5", "--api-key", emulator.ApiKey];
        var (generated, generateOutput, generateError) = await cli.RunAsync(["generate", "sea", "--json", "--out", cli.Out, .. target]);
        Assert.True(generated == 0, generateError);
        var taskId = JsonDocument.Parse(generateOutput).RootElement.GetProperty("id").GetString()!;

        var (code, output, error) = await cli.RunAsync(["fetch", taskId, "--json", .. target]);

        Assert.True(code == 0, error);
        using var document = JsonDocument.Parse(output);
        AssertTask(document.RootElement, "succeeded");
        Assert.Equal("goamz-v3.5", document.RootElement.GetProperty("dialect").GetString());
        // GoAmz answers {code, data: {task_id, status, data: [clips]}}: raw is that task object as sent.
        Assert.Equal(taskId, document.RootElement.GetProperty("raw").GetProperty("task_id").GetString());
    }

    [Fact]
    public async Task Inspect_json_lists_the_tasks_of_the_payload()
    {
        using var cli = new CliRun();

        var (code, output, error) = await cli.RunAsync("inspect", Path.Combine(Root, "specs/samples/goamz-v3.5/getMusic.response.json"), "--dialect", "goamz-v3.5", "--json");

        Assert.True(code == 0, error);
        using var document = JsonDocument.Parse(output);
        var task = Assert.Single(document.RootElement.GetProperty("tasks").EnumerateArray());
        AssertTask(task, "succeeded");
        Assert.Equal("96bff3e6-5af6-490e-b0f3-f99257883383", task.GetProperty("id").GetString());
        Assert.Contains(task.GetProperty("clips").EnumerateArray(), c => c.GetProperty("durationSeconds").GetDouble() == 139.16);
    }

    [Fact]
    public async Task Lyrics_json_is_the_lyrics_document()
    {
        using var cli = new CliRun();

        var (code, output, error) = await cli.RunAsync("lyrics", "the northern lights", "--json", "--emulator-step", "20");

        Assert.True(code == 0, error);
        using var document = JsonDocument.Parse(output);
        foreach (var name in new[] { "taskId", "status", "vendorStatus", "title", "text", "failureReason", "drift", "raw" })
            Assert.True(document.RootElement.TryGetProperty(name, out _), $"no '{name}' in {output}");
        Assert.Equal("succeeded", document.RootElement.GetProperty("status").GetString());
        Assert.Contains("[Verse", document.RootElement.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("raw").ValueKind);
        Assert.Contains("using the embedded emulator", error);
    }

    [Fact]
    public async Task Vendors_json_lists_the_profiles_naming_their_pages()
    {
        using var cli = new CliRun();

        var (code, output, _) = await cli.RunAsync("vendors", "--json");

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        var vendors = document.RootElement.GetProperty("vendors").EnumerateArray().ToList();
        Assert.Equal(["openai-core", "hichat", "openai-hub", "global-agent"], vendors.Select(v => v.GetProperty("name").GetString()));
        var hub = vendors.Single(v => v.GetProperty("name").GetString() == "openai-hub");
        Assert.Equal("task", hub.GetProperty("dialect").GetString());
        Assert.Equal("https://api.openai-hub.com/", hub.GetProperty("baseUrl").GetString());
        Assert.All(vendors, v => Assert.DoesNotContain("seed", v.GetProperty("source").GetString()));
    }

    private static void AssertTask(JsonElement task, string status)
    {
        foreach (var name in TaskProperties)
            Assert.True(task.TryGetProperty(name, out _), $"no '{name}' in {task}");
        Assert.Equal(status, task.GetProperty("status").GetString());
    }
}
