using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Clients.TaskApi;
using Contracts.Clients.Tests.Infrastructure;

namespace Contracts.Clients.Tests;

/// <summary>The task-dialect client against seed 002's payloads (OpenAI-Hub, POST /suno/submit/music).</summary>
public sealed class TaskApiClientTests
{
    private const string Folder = "task";
    private static CancellationToken Ct => TestCancellation.Token;

    /// <summary>The three example bodies of the page, each as an application would build it.</summary>
    private static readonly Dictionary<string, SubmitMusicRequest> PageExampleBodies = new()
    {
        { "submitMusic.request.inspiration.json", new SubmitMusicRequest { GptDescriptionPrompt = "cat", MakeInstrumental = false } },
        {
            "submitMusic.request.custom.json", new SubmitMusicRequest
            {
                Prompt = CityLightsLyrics, Tags = "emotional punk", Mv = "chirp-v3-0", Title = "City Lights", MakeInstrumental = false,
            }
        },
        {
            "submitMusic.request.continuation.json", new SubmitMusicRequest
            {
                Prompt = CityLightsLyrics, Tags = "bass-driven atmospheric heavy metal", Mv = "chirp-v3-0", Title = "City Lights",
                TaskId = "736a6f88-bd29-4b1e-b110-37132a5325ac", ContinueClipId = "ce2cfbce-9ea0-45b0-9386-020c0ff54a49", ContinueAt = 80,
                MakeInstrumental = false,
            }
        },
    };

    [Theory]
    [InlineData("submitMusic.request.inspiration.json")]
    [InlineData("submitMusic.request.custom.json")]
    [InlineData("submitMusic.request.continuation.json")]
    public async Task SubmitMusic_sends_the_pages_example_body_and_reads_the_task_id(string sample)
    {
        var body = PageExampleBodies[sample];
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/submit/music", Samples.Read(Folder, "submitMusic.response.json"));
        using var http = server.CreateHttpClient("sk-hub");

        var response = await new TaskApiClient(http).SubmitMusicAsync(body, Ct);

        var request = server.SingleRequest();
        Assert.Equal("Bearer sk-hub", request.Authorization);
        // The page's body plus make_instrumental, which the page's table marks required but its examples leave out.
        var expected = JsonAssert.Edit(Samples.Read(Folder, sample), root => root["make_instrumental"] = false);
        JsonAssert.Equivalent(expected, request.Body);

        Assert.Equal("success", response.Code);
        Assert.Equal("", response.Message);
        Assert.Equal("736a6f88-bd29-4b1e-b110-37132a5325ac", response.Data);
    }

    [Fact]
    public async Task FetchTask_reads_a_music_task_whose_data_is_native_clips_and_keeps_unknown_values()
    {
        // A MUSIC task as the relays answer it, its data the native clips of seed 003, with a status no page documents
        // and a field no spec has.
        var clips = JsonNode.Parse(Samples.Read("native-v2", "generateMusic.response.json"))!["clips"]!.DeepClone();
        var envelope = new JsonObject
        {
            ["code"] = "success",
            ["message"] = "",
            ["data"] = new JsonObject
            {
                ["task_id"] = "task_0123456789abcdef0123456789abcdef",
                ["action"] = "MUSIC",
                ["status"] = "POSTPROCESSING",
                ["fail_reason"] = "",
                ["submit_time"] = 1721634996,
                ["start_time"] = 1721634997,
                ["finish_time"] = 0,
                ["progress"] = "40%",
                ["data"] = clips,
                ["shard"] = "eu-2",
            },
        };
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/task_0123456789abcdef0123456789abcdef", envelope.ToJsonString());
        using var http = server.CreateHttpClient();
        var client = new TaskApiClient(http);

        var task = (await client.FetchTaskAsync("task_0123456789abcdef0123456789abcdef", Ct)).Data!;

        Assert.Equal("POSTPROCESSING", task.Status);
        Assert.Equal("40%", task.Progress);
        Assert.Equal(1721634996, task.SubmitTime);
        Assert.Contains("shard", task.AdditionalProperties);
        var taskClips = task.Data.Deserialize<List<Clip>>(client.JsonSerializerSettings)!;
        Assert.Equal(["7070ec00-462e-42ac-9b9f-1074977f473f", "00e6b9e4-c29c-4cfe-8d7a-5b3f06ff5b90"], taskClips.Select(c => c.Id));
        Assert.Equal("submitted", taskClips[0].Status);
    }

    [Fact]
    public async Task FetchTasks_posts_the_ids_and_reads_a_lyrics_task()
    {
        var envelope = new JsonObject
        {
            ["code"] = "success",
            ["message"] = "",
            ["data"] = new JsonArray(new JsonObject
            {
                ["task_id"] = "736a6f88-bd29-4b1e-b110-37132a5325ac",
                ["action"] = "LYRICS",
                ["status"] = "SUCCESS",
                ["progress"] = "100%",
                ["data"] = new JsonObject { ["id"] = "l-1", ["text"] = "[Verse]\nCity lights", ["title"] = "City Lights", ["status"] = "complete" },
            }),
        };
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/fetch", envelope.ToJsonString());
        using var http = server.CreateHttpClient();
        var client = new TaskApiClient(http);

        var tasks = await client.FetchTasksAsync(new FetchTasksRequest { Ids = ["736a6f88-bd29-4b1e-b110-37132a5325ac"], Action = "" }, Ct);

        JsonAssert.Equivalent("""{"ids":["736a6f88-bd29-4b1e-b110-37132a5325ac"],"action":""}""", server.SingleRequest().Body);
        var task = Assert.Single(tasks.Data!);
        var lyrics = task.Data.Deserialize<LyricsResult>(client.JsonSerializerSettings)!;
        Assert.Equal("City Lights", lyrics.Title);
        Assert.Equal("[Verse]\nCity lights", lyrics.Text);
    }

    [Fact]
    public async Task SubmitLyrics_sends_the_prompt()
    {
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/submit/lyrics", Samples.Read(Folder, "submitMusic.response.json"));
        using var http = server.CreateHttpClient();

        var response = await new TaskApiClient(http).SubmitLyricsAsync(new SubmitLyricsRequest { Prompt = "city at night" }, Ct);

        JsonAssert.Equivalent("""{"prompt":"city at night"}""", server.SingleRequest().Body);
        Assert.Equal("736a6f88-bd29-4b1e-b110-37132a5325ac", response.Data);
    }

    [Fact]
    public async Task An_error_envelope_is_the_typed_exception()
    {
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/nope", """{"code":"task_not_exist","message":"task_not_exist","data":null}""", status: 400);
        using var http = server.CreateHttpClient();

        var error = await Assert.ThrowsAsync<TaskApiClientException<ErrorEnvelope>>(() => new TaskApiClient(http).FetchTaskAsync("nope", Ct));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("task_not_exist", error.Result.Code);
    }

    [Fact]
    public async Task A_wrong_type_is_the_typed_exception_not_a_null_reference()
    {
        // submit_time is unix seconds (an integer); an object there must fail as the client's own exception.
        await using var server = await LoopbackVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/x", """{"code":"success","message":"","data":{"task_id":"x","submit_time":{"seconds":1}}}""");
        using var http = server.CreateHttpClient();

        var error = await Assert.ThrowsAsync<TaskApiClientException>(() => new TaskApiClient(http).FetchTaskAsync("x", Ct));

        Assert.IsType<JsonException>(error.InnerException);
    }

    private const string CityLightsLyrics =
        "[Verse]\nWalking down the streets\nBeneath the city lights\nNeon signs flickering\nLighting up the night\nHeart beating faster\nLike a drum in my chest\nI'm alive in this moment\nFeeling so blessed\n\nStilettos on the pavement\nStepping with grace\nSurrounded by the people\nMoving at their own pace\nThe rhythm of the city\nIt pulses in my veins\nLost in the energy\nAs my worries drain\n\n[Verse 2]\nConcrete jungle shining\nWith its dazzling glow\nEvery corner hiding secrets that only locals know\nA symphony of chaos\nBut it's music to my ears\nThe hustle and the bustle\nWiping away my fears";
}
