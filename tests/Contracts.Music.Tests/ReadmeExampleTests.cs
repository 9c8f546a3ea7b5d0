using Contracts.Music.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Contracts.Music.Tests;

/// <summary>The facade examples of README.md, as written there, against a loopback server standing in for openai-hub.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_readme_facade_example_runs()
    {
        var cancellationToken = TestCancellation.Token;
        await using var server = await ScriptedVendorServer.StartAsync(cancellationToken);
        var success = Journeys.TaskEnvelope(Samples.Read("task", "fetchTasks.response.ours.json"), 0);
        server.Answer("POST", "/suno/submit/music", Samples.Read("task", "submitMusic.response.json"));
        server.Script("GET", "/suno/fetch/736a6f88-bd29-4b1e-b110-37132a5325ac",
            Reply.Json(Journeys.Task(success, "IN_PROGRESS", "40%", "streaming")), Reply.Json(success));
        var apiKey = TestKeys.ApiKey;
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            // --- README.md "One client for every vendor", with BaseUrl pointing at the loopback server ---
            using var music = new MusicClient(new MusicClientOptions { Vendor = "openai-hub", ApiKey = apiKey, BaseUrl = server.BaseAddress });

            string taskId = await music.SubmitAsync(MusicRequest.FromDescription("a calm song about the sea"), cancellationToken);
            MusicTask task = await music.WaitForCompletionAsync(taskId, new MusicWaitOptions
            {
                Progress = new Progress<MusicTask>(t => Console.WriteLine($"{t.Status} {t.ProgressPercent}%")),
                PollInterval = TimeSpan.FromMilliseconds(10), // not in the README: keeps the test fast
            }, cancellationToken);

            if (task.Status == MusicTaskStatus.Succeeded)
                foreach (MusicClip clip in task.Clips)
                    Console.WriteLine($"{clip.Title}: {clip.AudioUrl} ({clip.Duration})");
            else
                Console.WriteLine($"failed: {task.FailureReason}");
            // --- end of README example ---

            Assert.Equal(MusicTaskStatus.Succeeded, task.Status);
        }
        finally
        {
            Console.SetOut(console);
        }
        Assert.Contains(".mp3 (", output.ToString());
        using var real = new MusicClient(new MusicClientOptions { Vendor = "openai-hub", ApiKey = apiKey });
        Assert.Equal(new Uri("https://api.openai-hub.com/"), MusicVendors.OpenAiHub.BaseUrl);
        Assert.Equal("openai-hub", real.Vendor);
    }

    [Fact]
    public async Task The_readme_registration_example_resolves()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Music:Vendor"] = "openai-core",
            ["Music:ApiKey"] = TestKeys.ApiKey,
        }).Build();
        var services = new ServiceCollection();

        services.AddMusicClient(configuration.GetSection("Music"));   // using Contracts.Music.DependencyInjection;

        await using var provider = services.BuildServiceProvider();
        var music = provider.GetRequiredService<IMusicClient>();
        Assert.Equal("openai-core", music.Vendor);
        Assert.Equal(MusicDialect.GoAmzV35, music.Dialect);
    }
}
