using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Clients.GoAmzV30;
using Contracts.Clients.Tests.Infrastructure;

namespace Contracts.Clients.Tests;

/// <summary>The GoAmz v3.0 client against seed 001's payload ("大模型接入文档", GET /suno/v1/v3.0/music/{id}).</summary>
public sealed class GoAmzV30ClientTests
{
    private const string Folder = "goamz-v3.0";
    private const string TaskId = "56ea8da3-8507-4118-9f1e-111111111111";
    private static CancellationToken Ct => TestCancellation.Token;

    [Fact]
    public async Task GetMusic_reads_the_pages_task()
    {
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("GET", $"/suno/v1/v3.0/music/{TaskId}", Samples.Read(Folder, "getMusic.response.json"));
        using var http = server.CreateHttpClient("sk-30");
        var client = new GoAmzV30Client(http);

        var envelope = await client.GetMusicAsync(TaskId, Ct);

        Assert.Equal("Bearer sk-30", server.SingleRequest().Authorization);
        Assert.Equal(200, envelope.Code);
        Assert.Equal("completed", envelope.Data!.Status);
        var clip = envelope.Data.Clips["e0fe8bba-fac8-460b-bf1c-111111111111"];
        Assert.Equal("Blowin' in the Breeze", clip.Title);
        Assert.Equal(108.8, clip.Metadata!.Duration);
        Assert.Equal("blowing in the wind", clip.Metadata.GptDescriptionPrompt);
        Assert.Equal("", clip.Metadata.AudioPromptId);
        Assert.Equal(new DateTimeOffset(2024, 4, 18, 14, 29, 31, 760, TimeSpan.Zero), clip.CreatedAt);
        Assert.False(clip.IsPublic);
        Assert.Equal(0, clip.PlayCount);
        Assert.Equal(103.2, envelope.Data.Clips["f66f7a6f-a868-464f-b280-111111111111"].Metadata!.Duration);

        // This vendor echoes the request flat (no nested `input`).
        var echo = JsonSerializer.Deserialize<MusicInputEcho>(envelope.Data.Input, client.JsonSerializerSettings)!;
        Assert.False(echo.CustomMode);
        Assert.Equal("blowing in the wind", echo.GptDescriptionPrompt);
        Assert.Equal("chirp-v3-0", echo.Mv);
        Assert.Null(echo.Input);
    }

    [Fact]
    public async Task SubmitMusic_uses_only_field_names_the_page_echoes()
    {
        var page = JsonNode.Parse(Samples.Read(Folder, "getMusic.response.json"))!;
        var echoedNames = JsonAssert.MemberNames(page["data"]!["input"]!.GetValue<string>());
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/v1/v3.0/music", $$"""{"code":200,"data":{"task_id":"{{TaskId}}"},"message":"success"}""");
        using var http = server.CreateHttpClient();

        var submitted = await new GoAmzV30Client(http).SubmitMusicAsync(new MusicSubmitRequest
        {
            CustomMode = false,
            Mv = "chirp-v3-0",
            Input = new MusicSubmitInput
            {
                GptDescriptionPrompt = "blowing in the wind", MakeInstrumental = false, Prompt = "", Title = "", Tags = "",
                ContinueAt = 0, ContinueClipId = "",
            },
        }, Ct);

        var body = JsonNode.Parse(server.SingleRequest().Body)!.AsObject();
        var sentNames = body.Select(p => p.Key).Where(k => k != "input").Concat(body["input"]!.AsObject().Select(p => p.Key));
        Assert.Equal(echoedNames, sentNames.Order(StringComparer.Ordinal));
        Assert.Equal(TaskId, submitted.Data!.TaskId);
    }

    [Fact]
    public async Task ConcatMusic_posts_the_clip_id_and_reads_the_new_task_id()
    {
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/v1/v3.0/music/concat", """{"code":200,"data":{"task_id":"c0ffee00-0000-4000-8000-000000000001"},"message":"success"}""");
        using var http = server.CreateHttpClient();

        var result = await new GoAmzV30Client(http).ConcatMusicAsync(new MusicConcatRequest { ClipId = "e0fe8bba-fac8-460b-bf1c-111111111111" }, Ct);

        JsonAssert.Equivalent("""{"clip_id":"e0fe8bba-fac8-460b-bf1c-111111111111"}""", server.SingleRequest().Body);
        Assert.Equal("c0ffee00-0000-4000-8000-000000000001", result.Data!.TaskId);
    }

    [Fact]
    public async Task Lyrics_submit_and_result()
    {
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/v1/v3.0/lyrics", """{"code":200,"data":{"task_id":"l-1"},"message":"success"}""");
        server.Answer("GET", "/suno/v1/v3.0/lyrics/l-1", """
            {"code":200,"message":"success","data":{"task_id":"l-1","input":"{\"prompt\":\"wind\"}","status":"completed",
             "title":"Blowin' in the Breeze","text":"[Verse]\nLeaves whisper",
             "metadata":{"created_at":"2024-04-18T14:29:31.760Z","started_at":null,"ended_at":null,"quota_frozen":0,"quota_usage":1}}}
            """);
        using var http = server.CreateHttpClient();
        var client = new GoAmzV30Client(http);

        var submitted = await client.SubmitLyricsAsync(new LyricsSubmitRequest { Prompt = "wind" }, Ct);
        var lyrics = await client.GetLyricsAsync(submitted.Data!.TaskId!, Ct);

        JsonAssert.Equivalent("""{"prompt":"wind"}""", server.Requests[0].Body);
        Assert.Equal("[Verse]\nLeaves whisper", lyrics.Data!.Text);
        Assert.Equal("completed", lyrics.Data.Status);
    }

    [Fact]
    public async Task An_error_envelope_is_the_typed_exception()
    {
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/v1/v3.0/music/concat", """{"code":401,"message":"invalid api key","data":null}""", status: 401);
        using var http = server.CreateHttpClient();

        var error = await Assert.ThrowsAsync<GoAmzV30ClientException<ErrorEnvelope>>(
            () => new GoAmzV30Client(http).ConcatMusicAsync(new MusicConcatRequest { ClipId = "x" }, Ct));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("invalid api key", error.Result.Message);
    }
}
