using Contracts.Validation;

namespace Contracts.Emulator.Tests;

/// <summary>The emulator serves every operation of every spec, and a full flow through all of them passes the
/// contract check.</summary>
public sealed class SpecCoverageTests
{
    [Fact]
    public async Task The_test_route_table_names_every_operation_of_every_spec()
    {
        var validator = SharedValidator.Instance;
        var specOperations = new List<(string, string)>();
        foreach (var dialect in validator.Dialects)
        {
            foreach (var operationId in await validator.GetOperationIdsAsync(dialect, TestCancellation.Token))
            {
                specOperations.Add((dialect, operationId));
            }
        }
        Assert.Equal(specOperations.Order(), SpecOperations.All.Order());
    }

    [Fact]
    public async Task A_complete_flow_through_every_operation_answers_within_the_contract()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.StepDuration = TimeSpan.Zero);

        var v35 = (string)(await h.PostAsync("suno/v1/music", """{"custom_mode":true,"input":{"prompt":"[Verse]\nx","title":"T","tags":"pop"}}""")).Object["data"]!["task_id"]!;
        await h.GetAsync($"suno/v1/music/{v35}");

        var v30 = (string)(await h.PostAsync("suno/v1/v3.0/music", """{"custom_mode":false,"mv":"chirp-v3-0","input":{"gpt_description_prompt":"wind"}}""")).Object["data"]!["task_id"]!;
        var clip = (await h.GetAsync($"suno/v1/v3.0/music/{v30}")).Object["data"]!["clips"]!.AsObject().First().Key;
        await h.PostAsync("suno/v1/v3.0/music/concat", new JsonObject { ["clip_id"] = clip });
        var lyrics30 = (string)(await h.PostAsync("suno/v1/v3.0/lyrics", """{"prompt":"wind"}""")).Object["data"]!["task_id"]!;
        await h.GetAsync($"suno/v1/v3.0/lyrics/{lyrics30}");

        var task = (string)(await h.PostAsync("suno/submit/music", """{"gpt_description_prompt":"cat","make_instrumental":false}""")).Object["data"]!;
        var taskLyrics = (string)(await h.PostAsync("suno/submit/lyrics", """{"prompt":"cat"}""")).Object["data"]!;
        await h.GetAsync($"suno/fetch/{task}");
        await h.PostAsync("suno/fetch", new JsonObject { ["ids"] = new JsonArray(task, taskLyrics), ["action"] = "" });

        var batch = (await h.PostAsync("suno/v2/generate", NativeV2StateTests.Generate())).Object;
        await h.GetAsync($"suno/v2/feed?ids={batch["clips"]![0]!["id"]}");
        var lyricsV2 = (string)(await h.PostAsync("suno/v2/generate/lyrics", """{"prompt":"night"}""")).Object["id"]!;
        await h.GetAsync($"suno/v2/generate/lyrics/{lyricsV2}");
        var upload = (string)(await h.PostAsync("suno/v2/uploads/audio-url", """{"url":"https://example.com/a.mp3"}""")).Object["id"]!;
        await h.PostAsync($"suno/v2/uploads/audio/{upload}/upload-finish", """{"upload_type":"file_upload","upload_filename":"a.mp3"}""");
        await h.GetAsync($"suno/v2/uploads/audio/{upload}");
        await h.PostAsync($"suno/v2/uploads/audio/{upload}/initialize-clip", null);

        var validated = h.Checker.Checked.Where(t => t.Status == 200).Select(t => (t.Dialect, t.OperationId!)).Distinct().Order();
        Assert.Equal(SpecOperations.All.Order(), validated);
    }

    [Fact]
    public async Task The_contract_check_itself_rejects_a_breach()
    {
        // Guards the guard: the validator the handler uses does fail a clip missing its required fields.
        var result = await SharedValidator.Instance.ValidateAsync("""[{"id":"x"}]""", ValidationTarget.Response("native-v2", "getFeed"), TestCancellation.Token);
        Assert.False(result.IsValid);
    }
}
