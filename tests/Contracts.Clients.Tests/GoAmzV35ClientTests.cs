using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Clients.GoAmzV35;
using Contracts.Clients.Tests.Infrastructure;

namespace Contracts.Clients.Tests;

/// <summary>The GoAmz v3.5 client against seed 000's payload (openai-core, GET /suno/v1/music/{id}).</summary>
public sealed class GoAmzV35ClientTests
{
    private const string Folder = "goamz-v3.5";
    private const string TaskId = "96bff3e6-5af6-490e-b0f3-f99257883383";
    private static CancellationToken Ct => TestCancellation.Token;

    [Fact]
    public async Task GetMusic_reads_the_pages_task_with_clips_keyed_by_id()
    {
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("GET", $"/suno/v1/music/{TaskId}", Samples.Read(Folder, "getMusic.response.json"));
        using var http = server.CreateHttpClient("sk-core");
        var client = new GoAmzV35Client(http);

        var envelope = await client.GetMusicAsync(TaskId, Ct);

        var request = server.SingleRequest();
        Assert.Equal("GET", request.Method);
        Assert.Equal("Bearer sk-core", request.Authorization);
        Assert.Equal(200, envelope.Code);
        Assert.Equal("success", envelope.Message);
        Assert.Equal(TaskId, envelope.Data.TaskId);
        Assert.Equal("completed", envelope.Data.Status);
        Assert.Equal(["39a7e046-e873-453c-8741-0c4217dee411", "b9dc9655-0f55-44ed-952c-faa1f1eeb4ee"], envelope.Data.Clips.Keys);

        var first = envelope.Data.Clips["39a7e046-e873-453c-8741-0c4217dee411"];
        Assert.Equal("Electric Dreams", first.Title);
        Assert.Equal(139.16, first.Metadata!.Duration);
        Assert.Equal("complete", first.Status);
        Assert.Equal("chirp-v3", first.ModelName);
        Assert.Equal("v3.5", first.MajorModelVersion);
        Assert.Equal("https://cdn1.suno.ai/39a7e046-e873-453c-8741-0c4217dee411.mp3", first.AudioUrl);
        Assert.Equal("epic reggae", first.Metadata.Tags);
        Assert.Null(first.Metadata.History);
        Assert.Null(first.Metadata.ErrorMessage);
        Assert.Equal(93, envelope.Data.Clips["b9dc9655-0f55-44ed-952c-faa1f1eeb4ee"].Metadata!.Duration);

        // `input` is the submitted request, serialized into a string; MusicInputEcho reads it.
        var echo = JsonSerializer.Deserialize<MusicInputEcho>(envelope.Data.Input, client.JsonSerializerSettings)!;
        Assert.True(echo.CustomMode);
        Assert.Equal("Electric Dreams", echo.Input!.Title);
        Assert.Equal("epic reggae", echo.Input.Tags);
        Assert.Equal(0, echo.Input.ContinueAt);
    }

    [Fact]
    public async Task SubmitMusic_sends_the_body_the_page_echoes_back()
    {
        // The page's task echoes the request it was created from (`input`); the same request through the client must
        // produce that JSON.
        var page = JsonNode.Parse(Samples.Read(Folder, "getMusic.response.json"))!;
        var echoedRequest = page["data"]!["input"]!.GetValue<string>();
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/v1/music", $$"""{"code":200,"data":{"task_id":"{{TaskId}}"},"message":"success"}""");
        using var http = server.CreateHttpClient();
        var client = new GoAmzV35Client(http);
        var echo = JsonSerializer.Deserialize<MusicInputEcho>(echoedRequest, client.JsonSerializerSettings)!;

        var submitted = await client.SubmitMusicAsync(new MusicSubmitRequest
        {
            CustomMode = true,
            Input = new MusicSubmitInput
            {
                Prompt = echo.Input!.Prompt,
                Title = "Electric Dreams",
                Tags = "epic reggae",
                ContinueAt = 0,
                ContinueClipId = "",
            },
        }, Ct);

        JsonAssert.Equivalent(echoedRequest, server.SingleRequest().Body);
        Assert.Equal(200, submitted.Code);
        Assert.Equal(TaskId, submitted.Data!.TaskId);
    }

    [Fact]
    public async Task An_unknown_status_and_extra_fields_deserialize()
    {
        var drifted = JsonAssert.Edit(Samples.Read(Folder, "getMusic.response.json"), root =>
        {
            root["data"]!["status"] = "rendering_video";
            var clip = root["data"]!["clips"]!["39a7e046-e873-453c-8741-0c4217dee411"]!;
            clip["status"] = "uploading";
            clip["persona_id"] = "p-1";
            clip["metadata"]!["control_sliders"] = new JsonObject { ["weirdness"] = 0.5 };
        });
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("GET", $"/suno/v1/music/{TaskId}", drifted);
        using var http = server.CreateHttpClient();

        var task = (await new GoAmzV35Client(http).GetMusicAsync(TaskId, Ct)).Data;

        Assert.Equal("rendering_video", task.Status);
        var clip = task.Clips["39a7e046-e873-453c-8741-0c4217dee411"];
        Assert.Equal("uploading", clip.Status);
        Assert.Equal("p-1", ((JsonElement)clip.AdditionalProperties["persona_id"]).GetString());
        Assert.Contains("control_sliders", clip.Metadata!.AdditionalProperties);
    }

    [Fact]
    public async Task An_error_envelope_is_the_typed_exception()
    {
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/v1/music/missing", """{"code":404,"message":"task not found","data":null}""", status: 404);
        using var http = server.CreateHttpClient();

        var error = await Assert.ThrowsAsync<GoAmzV35ClientException<ErrorEnvelope>>(() => new GoAmzV35Client(http).GetMusicAsync("missing", Ct));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(404, error.Result.Code);
        Assert.Equal("task not found", error.Result.Message);
    }

    [Fact]
    public async Task A_string_code_where_the_dialect_has_an_integer_is_the_typed_exception()
    {
        // The task dialect's envelope ({"code":"success"}) sent to a GoAmz client: wrong type, typed failure.
        var wrong = JsonAssert.Edit(Samples.Read(Folder, "getMusic.response.json"), root => root["code"] = "success");
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("GET", $"/suno/v1/music/{TaskId}", wrong);
        using var http = server.CreateHttpClient();

        var error = await Assert.ThrowsAsync<GoAmzV35ClientException>(() => new GoAmzV35Client(http).GetMusicAsync(TaskId, Ct));

        Assert.IsType<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task A_missing_required_field_is_the_typed_exception()
    {
        var missing = JsonAssert.Edit(Samples.Read(Folder, "getMusic.response.json"), root => root["data"]!.AsObject().Remove("clips"));
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("GET", $"/suno/v1/music/{TaskId}", missing);
        using var http = server.CreateHttpClient();

        var error = await Assert.ThrowsAsync<GoAmzV35ClientException>(() => new GoAmzV35Client(http).GetMusicAsync(TaskId, Ct));

        Assert.Contains("clips", error.InnerException!.Message);
    }
}
