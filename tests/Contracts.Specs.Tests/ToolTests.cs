using Contracts.Specs.Tests.Infrastructure;

namespace Contracts.Specs.Tests;

/// <summary>The packed `contracts` tool, installed with `dotnet tool install --tool-path` and run from outside the repository.</summary>
[Collection(PackingCollection.Name)]
public sealed class ToolTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    [Fact]
    public async Task Installed_tool_prints_its_version()
    {
        var run = await tool.RunAsync(["--version"]);

        Assert.True(run.ExitCode == 0, $"contracts --version exited {run.ExitCode}:{Environment.NewLine}{run.Output}");
        Assert.StartsWith(Versions.PackageVersion, run.StandardOutput.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installed_tool_generates_a_song_on_the_embedded_emulator()
    {
        var output = Path.Combine(tool.WorkingDirectory, "songs-" + Guid.NewGuid().ToString("N"));

        var run = await tool.RunAsync(["generate", "a calm song", "--out", output, "--emulator-step", "50"]);

        Assert.True(run.ExitCode == 0, $"contracts generate exited {run.ExitCode}:{Environment.NewLine}{run.Output}");
        var songs = Directory.Exists(output) ? Directory.GetFiles(output, "*.wav") : [];
        Assert.True(songs.Length > 0, $"no .wav in {output}:{Environment.NewLine}{run.Output}");
        Assert.All(songs, song => Assert.True(new FileInfo(song).Length > 0, $"{song} is empty"));
    }

    [Fact]
    public async Task Installed_tool_validates_with_the_specs_it_carries()
    {
        var payload = Path.Combine(tool.WorkingDirectory, "submitMusic.response.json");
        File.Copy(Path.Combine(Repository.Specs, "samples", "task", "submitMusic.response.json"), payload, overwrite: true);

        var run = await tool.RunAsync(["validate", payload, "--dialect", "task", "--operation", "submitMusic"]);

        Assert.True(run.ExitCode == 0, $"contracts validate exited {run.ExitCode}:{Environment.NewLine}{run.Output}");
        Assert.Contains("valid", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installed_tool_continues_concats_and_fetches_an_earlier_song_across_processes()
    {
        // Each command is its own process; the embedded emulator keeps the songs in the state file between them.
        var output = Path.Combine(tool.WorkingDirectory, "songs-" + Guid.NewGuid().ToString("N"));
        var first = await tool.RunAsync(["generate", "a calm song", "--out", output, "--emulator-step", "50", "--json"]);
        Assert.True(first.ExitCode == 0, $"generate exited {first.ExitCode}:{Environment.NewLine}{first.Output}");
        using var song = System.Text.Json.JsonDocument.Parse(first.StandardOutput);
        var taskId = song.RootElement.GetProperty("id").GetString()!;
        var clipId = song.RootElement.GetProperty("clips")[0].GetProperty("id").GetString()!;

        var lyrics = Path.Combine(tool.WorkingDirectory, "lyrics-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(lyrics, "[Verse]\nThe tide comes back\n");
        var continued = await tool.RunAsync(["generate", "--lyrics", lyrics, "--tags", "folk", "--title", "Tide II", "--continue", clipId, "--at", "30",
            "--out", output, "--emulator-step", "50", "--json"]);
        var concat = await tool.RunAsync(["concat", clipId, "--out", output, "--emulator-step", "50", "--json"]);
        var fetched = await tool.RunAsync(["fetch", taskId, "--emulator-step", "50", "--json"]);

        Assert.True(continued.ExitCode == 0, $"generate --continue exited {continued.ExitCode}:{Environment.NewLine}{continued.Output}");
        Assert.True(concat.ExitCode == 0, $"concat exited {concat.ExitCode}:{Environment.NewLine}{concat.Output}");
        Assert.True(fetched.ExitCode == 0, $"fetch exited {fetched.ExitCode}:{Environment.NewLine}{fetched.Output}");
        using var again = System.Text.Json.JsonDocument.Parse(fetched.StandardOutput);
        Assert.Equal(taskId, again.RootElement.GetProperty("id").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, again.RootElement.GetProperty("raw").ValueKind);
        using var continuation = System.Text.Json.JsonDocument.Parse(continued.StandardOutput);
        Assert.Contains(continuation.RootElement.GetProperty("clips").EnumerateArray(), c => c.GetProperty("continuedFromClipId").GetString() == clipId);
    }
}
