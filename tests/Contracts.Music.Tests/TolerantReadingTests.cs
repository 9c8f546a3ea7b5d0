using System.Text.Json;

namespace Contracts.Music.Tests;

/// <summary>
/// One parse per answer, read through the generated types, tolerant of drift: a member of an unexpected type or value
/// becomes null on the normalized model and is reported in <see cref="MusicTask.Drift"/>; the read never fails for it.
/// </summary>
public sealed class TolerantReadingTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    private const string Clip = """{"id":"c1","status":"complete","audio_url":"https://cdn.example/c1.mp3","title":"T","model_name":"chirp-v3","metadata":{"prompt":"la","duration":DURATION}}""";

    [Theory]
    [InlineData("1e300", MusicDriftKind.OutOfRange)]
    [InlineData("-5", MusicDriftKind.OutOfRange)]
    [InlineData("\"NaN\"", MusicDriftKind.UnexpectedType)]
    [InlineData("\"Infinity\"", MusicDriftKind.UnexpectedType)]
    [InlineData("true", MusicDriftKind.UnexpectedType)]
    [InlineData("{\"s\":1}", MusicDriftKind.UnexpectedType)]
    [InlineData("[1,2]", MusicDriftKind.UnexpectedType)]
    public void A_duration_that_is_no_duration_is_null_and_reported(string duration, MusicDriftKind kind)
    {
        var task = Assert.Single(MusicClient.ReadPayload(MusicDialect.NativeV2, "[" + Clip.Replace("DURATION", duration) + "]"));

        var clip = Assert.Single(task.Clips);
        Assert.Null(clip.Duration);
        Assert.Equal(MusicTaskStatus.Succeeded, clip.Status);
        var drift = Assert.Single(task.Drift);
        Assert.Equal("ClipMetadata.duration", drift.Member);
        Assert.Equal(kind, drift.Kind);
    }

    [Fact]
    public void A_number_sent_as_text_is_used_and_still_reported()
    {
        var task = Assert.Single(MusicClient.ReadPayload(MusicDialect.NativeV2, "[" + Clip.Replace("DURATION", "\"120.5\"") + "]"));

        Assert.Equal(TimeSpan.FromSeconds(120.5), task.Clips[0].Duration);
        var drift = Assert.Single(task.Drift);
        Assert.Equal(("ClipMetadata.duration", MusicDriftKind.UnexpectedType, "number"), (drift.Member, drift.Kind, drift.Expected));
        Assert.Contains("120.5", drift.Found);
    }

    [Fact]
    public void A_unix_time_no_calendar_holds_is_null_and_reported()
    {
        const string json = """{"code":"success","message":"","data":{"task_id":"t1","action":"MUSIC","status":"SUCCESS","progress":"100%","submit_time":1000000000000000000,"start_time":1713450000,"data":[]}}""";

        var task = Assert.Single(MusicClient.ReadPayload(MusicDialect.Task, json));

        Assert.Null(task.SubmittedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1713450000), task.StartedAt);
        Assert.Equal("SunoTask.submit_time", Assert.Single(task.Drift).Member);
    }

    [Fact]
    public void An_escaped_lone_surrogate_in_a_string_is_null_and_reported()
    {
        var json = "[" + Clip.Replace("DURATION", "1").Replace("\"title\":\"T\"", "\"title\":\"\\ud800\"") + "]";

        var task = Assert.Single(MusicClient.ReadPayload(MusicDialect.NativeV2, json));

        Assert.Null(task.Clips[0].Title);
        Assert.Equal(("Clip.title", MusicDriftKind.OutOfRange), (task.Drift[0].Member, task.Drift[0].Kind));
    }

    [Fact]
    public void A_member_of_the_wrong_kind_leaves_the_rest_of_the_clip_readable()
    {
        var json = "[" + Clip.Replace("\"metadata\":{\"prompt\":\"la\",\"duration\":DURATION}", "\"metadata\":\"oops\"").Replace("\"title\":\"T\"", "\"title\":42") + "]";

        var clip = Assert.Single(Assert.Single(MusicClient.ReadPayload(MusicDialect.NativeV2, json)).Clips);

        Assert.Equal("c1", clip.Id);
        Assert.Equal("42", clip.Title);
        Assert.Null(clip.Lyrics);
        Assert.Equal(new Uri("https://cdn.example/c1.mp3"), clip.AudioUrl);
    }

    [Theory]
    [InlineData(MusicDialect.NativeV2, """[1, "x", null, CLIP]""", "FeedAnswer[]")]
    [InlineData(MusicDialect.GoAmzV35, """{"code":200,"message":"","data":{"task_id":"t","status":"completed","input":"{}","clips":{"junk":7,"c1":CLIP}}}""", "SunoTask.clips[]")]
    [InlineData(MusicDialect.Task, """{"code":"success","message":"","data":{"task_id":"t","action":"MUSIC","status":"SUCCESS","progress":"100%","data":["junk",CLIP]}}""", "SunoTask.data[]")]
    public void Items_that_are_not_clips_are_left_out_and_reported_not_read_as_phantom_clips(MusicDialect dialect, string template, string member)
    {
        var task = Assert.Single(MusicClient.ReadPayload(dialect, template.Replace("CLIP", Clip.Replace("DURATION", "1"))));

        var clip = Assert.Single(task.Clips);
        Assert.Equal("c1", clip.Id);
        Assert.Equal("c1", clip.Raw.GetProperty("id").GetString());
        Assert.Contains(task.Drift, d => d.Member == member);
    }

    [Fact]
    public void A_status_no_spec_lists_is_kept_verbatim_and_reported()
    {
        var json = "[" + Clip.Replace("DURATION", "1").Replace("\"complete\"", "\"mastering\"") + "]";

        var task = Assert.Single(MusicClient.ReadPayload(MusicDialect.NativeV2, json));

        Assert.Equal("mastering", task.Clips[0].Status.Value);
        Assert.Equal(("Clip.status", MusicDriftKind.UnknownValue), (task.Drift[0].Member, task.Drift[0].Kind));
    }

    [Fact]
    public void Raw_is_the_exact_vendor_object_found_in_the_answer_when_read()
    {
        var json = Samples.Read("goamz-v3.5", "getMusic.response.json");

        var task = Assert.Single(MusicClient.ReadPayload(MusicDialect.GoAmzV35, json));

        using var document = JsonDocument.Parse(json);
        var data = document.RootElement.GetProperty("data");
        Assert.Equal(data.GetRawText(), task.Raw.GetRawText());
        foreach (var clip in task.Clips)
            Assert.Equal(data.GetProperty("clips").GetProperty(clip.Id).GetRawText(), clip.Raw.GetRawText());
        Assert.Empty(task.Drift);
    }

    [Fact]
    public async Task Members_the_spec_does_not_declare_are_drift_in_an_answer_over_http_and_in_a_saved_payload()
    {
        // A task with a member the spec lacks at the task level and one in a clip; `video_url` is declared (not mapped by the facade).
        const string body = """{"code":"success","message":"","queue":"eu","data":{"task_id":"t1","action":"MUSIC","status":"SUCCESS","progress":"100%","queue_position":3,"data":[{"id":"c1","status":"complete","video_url":"","waveform":[1,2]}]}}""";
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/t1", body);
        using var client = server.CreateClient(MusicDialect.Task);

        var task = await client.GetTaskAsync("t1", Ct);
        var saved = Assert.Single(MusicClient.ReadPayload(MusicDialect.Task, body));

        Assert.Equal(MusicTaskStatus.Succeeded, task.Status);
        Assert.Equal("c1", Assert.Single(task.Clips).Id);
        string[] expected = ["Clip.waveform: array, expected no such member in the spec (UnknownMember)", "SunoTask.queue_position: number, expected no such member in the spec (UnknownMember)", "TaskEnvelope.queue: string, expected no such member in the spec (UnknownMember)"];
        Assert.Equal(expected, task.Drift.Select(d => d.ToString()).Order());
        Assert.Equal(expected, saved.Drift.Select(d => d.ToString()).Order());
        Assert.Equal(3, task.Raw.GetProperty("queue_position").GetInt32());
    }

    [Fact]
    public async Task Drift_in_an_answer_over_http_reaches_the_task_and_the_read_succeeds()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/t1", """{"code":"success","message":"","data":{"task_id":"t1","action":"MUSIC","status":"SUCCESS","progress":50,"submit_time":"soon","data":[]}}""");
        using var client = server.CreateClient(MusicDialect.Task);

        var task = await client.GetTaskAsync("t1", Ct);

        Assert.Equal(MusicTaskStatus.Succeeded, task.Status);
        Assert.Equal(50, task.ProgressPercent);
        Assert.Null(task.SubmittedAt);
        Assert.Equal(["SunoTask.progress", "SunoTask.submit_time"], task.Drift.Select(d => d.Member).Order());
        Assert.Equal("t1", task.Raw.GetProperty("task_id").GetString());
    }

    [Fact]
    public void An_answer_that_matches_its_spec_has_no_drift()
    {
        foreach (var (dialect, name, file) in new[] { (MusicDialect.Task, "task", "fetchTask.response.ours.json"), (MusicDialect.NativeV2, "native-v2", "getFeed.response.ours.json"), (MusicDialect.GoAmzV30, "goamz-v3.0", "getMusic.response.json") })
            Assert.All(MusicClient.ReadPayload(dialect, Samples.Read(name, file)), t => Assert.Empty(t.Drift));
    }
}
