using Contracts.Clients.GoAmzV30;
using Contracts.Clients.GoAmzV35;
using Contracts.Clients.NativeV2;
using Contracts.Clients.TaskApi;

namespace Contracts.Emulator.Tests;

/// <summary>The generated clients (strict: required members enforced) against the emulator, start to finish.</summary>
public sealed class GeneratedClientTests
{
    private static CancellationToken Token => TestCancellation.Token;

    [Fact]
    public async Task Task_client_submits_and_fetches_until_success()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var http = h.CreateClientWithKey();
        var client = new TaskApiClient(http);
        var submitted = await client.SubmitMusicAsync(new Contracts.Clients.TaskApi.SubmitMusicRequest { GptDescriptionPrompt = "cat", MakeInstrumental = false }, Token);
        Assert.Equal("success", submitted.Code);
        h.Advance(4);
        var fetched = await client.FetchTaskAsync(submitted.Data!, Token);
        Assert.Equal("SUCCESS", fetched.Data!.Status);
        var many = await client.FetchTasksAsync(new FetchTasksRequest { Ids = [submitted.Data!], Action = "" }, Token);
        Assert.Single(many.Data!);

        var error = await Assert.ThrowsAsync<TaskApiClientException<Contracts.Clients.TaskApi.ErrorEnvelope>>(() => client.FetchTaskAsync("task_nope", Token));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("task_not_exist", error.Result.Code);
    }

    [Fact]
    public async Task GoAmz_clients_submit_and_read_clips_keyed_by_id()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.StepDuration = TimeSpan.Zero);
        using var http = h.CreateClientWithKey();
        var v35 = new GoAmzV35Client(http);
        var id = (await v35.SubmitMusicAsync(new Contracts.Clients.GoAmzV35.MusicSubmitRequest
        {
            CustomMode = true,
            Input = new Contracts.Clients.GoAmzV35.MusicSubmitInput { Prompt = "[Verse]\nTesla riding", Title = "Electric Dreams", Tags = "epic reggae" },
        }, Token)).Data!.TaskId!;
        var task = await v35.GetMusicAsync(id, Token);
        Assert.Equal("completed", task.Data.Status);
        Assert.Equal(2, task.Data.Clips.Count);

        var v30 = new GoAmzV30Client(http);
        var lyricsId = (await v30.SubmitLyricsAsync(new LyricsSubmitRequest { Prompt = "a folk song about the wind" }, Token)).Data!.TaskId!;
        var lyrics = await v30.GetLyricsAsync(lyricsId, Token);
        Assert.Equal("Folk Wind", lyrics.Data!.Title);
        var clipId = task.Data.Clips.Keys.First();
        var concat = await v30.ConcatMusicAsync(new MusicConcatRequest { ClipId = clipId }, Token);
        Assert.Equal("concat", (await v30.GetMusicAsync(concat.Data!.TaskId!, Token)).Data!.Clips.Values.Single().Metadata!.Type);
    }

    [Fact]
    public async Task Native_client_generates_polls_the_feed_and_runs_the_upload_flow()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.StepDuration = TimeSpan.Zero);
        using var http = h.CreateClientWithKey();
        var client = new NativeV2Client(http);
        var batch = await client.GenerateMusicAsync(new GenerateRequest
        {
            Mv = "chirp-v3-5", Prompt = "", Tags = "heavy metal", Title = "Starry", ContinueClipId = null, ContinueAt = null, InfillStartS = null, InfillEndS = null,
        }, Token);
        var feed = await client.GetFeedAsync(string.Join(',', batch.Clips.Select(c => c.Id)), Token);
        Assert.All(feed, c => Assert.Equal("complete", c.Status));

        var upload = await client.CreateUploadAsync(new CreateUploadRequest { Url = "https://example.com/a.mp3" }, Token);
        await client.FinishUploadAsync(upload.Id!, new FinishUploadRequest { UploadType = "file_upload", UploadFilename = "a.mp3" }, Token);
        Assert.Equal("complete", (await client.GetUploadAsync(upload.Id!, Token)).Status);
        Assert.Equal("m_" + upload.Id, (await client.InitializeUploadClipAsync(upload.Id!, Token)).ClipId);

        var error = await Assert.ThrowsAsync<NativeV2ClientException<Contracts.Clients.NativeV2.ErrorEnvelope>>(() => client.GetLyricsAsync("nope", Token));
        Assert.Equal(404, error.StatusCode);
    }
}
