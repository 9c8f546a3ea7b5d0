using System.Text.Json;
using Contracts.Clients.NativeV2;
using Contracts.Clients.Tests.Infrastructure;

namespace Contracts.Clients.Tests;

/// <summary>The native v2 client against seed 003's payloads ("OpenAI 全球独家总代", POST /suno/v2/generate).</summary>
public sealed class NativeV2ClientTests
{
    private const string Folder = "native-v2";
    private static CancellationToken Ct => TestCancellation.Token;

    [Fact]
    public async Task GenerateMusic_sends_the_documented_body_and_reads_the_pages_response()
    {
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/v2/generate", Samples.Read(Folder, "generateMusic.response.json"));
        using var http = server.CreateHttpClient("sk-native");
        var client = new NativeV2Client(http);

        var response = await client.GenerateMusicAsync(new GenerateRequest
        {
            Prompt = "",
            Tags = "heavy metal",
            Mv = "chirp-v3-5",
            Title = "Starry ",
            ContinueClipId = null,
            ContinueAt = null,
            InfillStartS = null,
            InfillEndS = null,
        }, Ct);

        var request = server.SingleRequest();
        Assert.Equal("Bearer sk-native", request.Authorization);
        Assert.StartsWith("application/json", request.ContentType);
        // The body is the page's example body: same field names, explicit nulls for the four continuation fields.
        JsonAssert.Equivalent(Samples.Read(Folder, "generateMusic.request.json"), request.Body);

        Assert.Equal("3d5f0ee4-1d7b-410a-bafd-60a3978284d1", response.Id);
        Assert.Equal("complete", response.Status);
        Assert.Equal("v3", response.MajorModelVersion);
        Assert.Equal(1, response.BatchSize);
        Assert.Equal(new DateTimeOffset(2024, 7, 22, 7, 56, 36, 699, TimeSpan.Zero), response.CreatedAt);
        Assert.Equal(2, response.Clips.Count);

        var clip = response.Clips.First();
        Assert.Equal("7070ec00-462e-42ac-9b9f-1074977f473f", clip.Id);
        Assert.Equal("submitted", clip.Status);
        Assert.Equal("chirp-v3", clip.ModelName);
        Assert.Equal("", clip.AudioUrl);
        Assert.Null(clip.ImageUrl);
        Assert.Equal("AmbientLens971", clip.DisplayName);
        Assert.Equal("Starry ", clip.Title);
        Assert.Null(clip.Metadata.Duration);
        Assert.Null(clip.Metadata.RefundCredits);
        Assert.Equal("heavy metal", clip.Metadata.Tags);
        Assert.StartsWith("[Verse]\nStars they shine above me", clip.Metadata.Prompt);
        var history = Assert.Single(clip.Metadata.History!);
        Assert.Equal("m_2e584f32-7ae3-4b2d-93f6-391f65a01f15", history.Id);
        Assert.Equal(48.762, history.ContinueAt);
        Assert.Equal("upload", history.Type);
        Assert.Equal("00e6b9e4-c29c-4cfe-8d7a-5b3f06ff5b90", response.Clips.Last().Id);
    }

    [Fact]
    public async Task Optional_request_fields_left_unset_are_not_sent()
    {
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/v2/generate", Samples.Read(Folder, "generateMusic.response.json"));
        using var http = server.CreateHttpClient();

        await new NativeV2Client(http).GenerateMusicAsync(new GenerateRequest
        {
            Prompt = "", Tags = "lofi", Mv = "chirp-v3-5", Title = "t",
            ContinueClipId = null, ContinueAt = null, InfillStartS = null, InfillEndS = null,
            MakeInstrumental = true,
        }, Ct);

        Assert.Equal(
            ["continue_at", "continue_clip_id", "infill_end_s", "infill_start_s", "make_instrumental", "mv", "prompt", "tags", "title"],
            JsonAssert.MemberNames(server.SingleRequest().Body));
    }

    [Fact]
    public async Task GetFeed_accepts_an_unknown_status_and_an_extra_clip_field()
    {
        var feed = JsonAssert.Edit(Samples.Read(Folder, "generateMusic.response.json"), root =>
        {
            var clips = root["clips"]!.AsArray();
            clips[0]!["status"] = "remastering";
            clips[0]!["brand_new_field"] = new System.Text.Json.Nodes.JsonObject { ["nested"] = 1 };
            clips[0]!["metadata"]!["another_new_field"] = "x";
        });
        var clipsArray = System.Text.Json.Nodes.JsonNode.Parse(feed)!["clips"]!.ToJsonString();

        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/v2/feed", clipsArray);
        using var http = server.CreateHttpClient();

        var clips = await new NativeV2Client(http).GetFeedAsync("7070ec00-462e-42ac-9b9f-1074977f473f,00e6b9e4-c29c-4cfe-8d7a-5b3f06ff5b90", Ct);

        Assert.Equal("?ids=7070ec00-462e-42ac-9b9f-1074977f473f%2C00e6b9e4-c29c-4cfe-8d7a-5b3f06ff5b90", server.SingleRequest().Query);
        var first = clips.First();
        Assert.Equal("remastering", first.Status);
        var extra = Assert.Contains("brand_new_field", first.AdditionalProperties);
        Assert.Equal(1, ((JsonElement)extra).GetProperty("nested").GetInt32());
        Assert.Contains("another_new_field", first.Metadata.AdditionalProperties);
        Assert.Equal("submitted", clips.Last().Status);
    }

    [Fact]
    public async Task An_error_answer_is_the_typed_exception_with_the_envelope()
    {
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/v2/generate/lyrics/abc", """{"detail":"Unauthorized"}""", status: 401);
        using var http = server.CreateHttpClient();

        var error = await Assert.ThrowsAsync<NativeV2ClientException<ErrorEnvelope>>(
            () => new NativeV2Client(http).GetLyricsAsync("abc", Ct));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("Unauthorized", error.Result.Detail);
    }

    [Fact]
    public async Task A_wrong_type_where_the_spec_is_strict_is_the_typed_exception()
    {
        // batch_size is an integer in the spec; a string there must not slip through or crash with a NullReferenceException.
        var wrongType = JsonAssert.Edit(Samples.Read(Folder, "generateMusic.response.json"), root => root["batch_size"] = "one");
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/v2/generate", wrongType);
        using var http = server.CreateHttpClient();

        var error = await Assert.ThrowsAsync<NativeV2ClientException>(() => new NativeV2Client(http).GenerateMusicAsync(new GenerateRequest
        {
            Prompt = "", Tags = "t", Mv = "chirp-v3-5", Title = "t", ContinueClipId = null, ContinueAt = null, InfillStartS = null, InfillEndS = null,
        }, Ct));

        Assert.Equal(200, error.StatusCode);
        Assert.IsType<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task Upload_steps_and_lyrics_go_over_the_documented_paths()
    {
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/v2/uploads/audio-url", """{"id":"up-1","status":"processing"}""");
        server.Answer("POST", "/suno/v2/uploads/audio/up-1/upload-finish", "{}");
        server.Answer("GET", "/suno/v2/uploads/audio/up-1", """{"id":"up-1","status":"complete","error_message":null,"s3_id":"m_1","title":"song","image_url":null}""");
        server.Answer("POST", "/suno/v2/uploads/audio/up-1/initialize-clip", """{"clip_id":"m_2e584f32-7ae3-4b2d-93f6-391f65a01f15"}""");
        server.Answer("POST", "/suno/v2/generate/lyrics", """{"id":"ly-1"}""");
        server.Answer("GET", "/suno/v2/generate/lyrics/ly-1", """{"text":"[Verse]\nStars","title":"Starry","status":"complete"}""");
        using var http = server.CreateHttpClient();
        var client = new NativeV2Client(http);

        var created = await client.CreateUploadAsync(new CreateUploadRequest { Url = "https://example.com/song.mp3" }, Ct);
        await client.FinishUploadAsync(created.Id!, new FinishUploadRequest { UploadType = "file_upload", UploadFilename = "song.mp3" }, Ct);
        var status = await client.GetUploadAsync(created.Id!, Ct);
        var clip = await client.InitializeUploadClipAsync(created.Id!, Ct);
        var lyricsId = await client.GenerateLyricsAsync(new GenerateLyricsRequest { Prompt = "stars" }, Ct);
        var lyrics = await client.GetLyricsAsync(lyricsId.Id!, Ct);

        Assert.Equal("complete", status.Status);
        Assert.Equal("m_2e584f32-7ae3-4b2d-93f6-391f65a01f15", clip.ClipId);
        Assert.Equal("[Verse]\nStars", lyrics.Text);
        var requests = server.Requests;
        JsonAssert.Equivalent("""{"url":"https://example.com/song.mp3"}""", requests[0].Body);
        JsonAssert.Equivalent("""{"upload_type":"file_upload","upload_filename":"song.mp3"}""", requests[1].Body);
        JsonAssert.Equivalent("""{"prompt":"stars"}""", requests[4].Body);
        Assert.All(requests, r => Assert.Equal("Bearer test-key", r.Authorization));
    }
}
