using Contracts.Clients.TaskApi;
using Contracts.Clients.Tests.Infrastructure;

namespace Contracts.Clients.Tests;

/// <summary>The usage example of README.md, as written there, against a loopback server.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_readme_example_runs()
    {
        var cancellationToken = TestCancellation.Token;
        await using var server = await LoopbackVendorServer.StartAsync(cancellationToken);
        server.Answer("POST", "/suno/submit/music", Samples.Read("task", "submitMusic.response.json"));
        var apiKey = "sk-readme";

        // --- README.md "Using a generated client", with the vendor URL replaced by the loopback server ---
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        var client = new TaskApiClient(http);

        SubmitResponse submitted = await client.SubmitMusicAsync(
            new SubmitMusicRequest { GptDescriptionPrompt = "cat", MakeInstrumental = false }, cancellationToken);
        // --- end of README example ---

        Assert.Equal("736a6f88-bd29-4b1e-b110-37132a5325ac", submitted.Data);
        JsonAssert.Equivalent("""{"gpt_description_prompt":"cat","make_instrumental":false}""", server.SingleRequest().Body);
        http.Dispose();
    }
}
