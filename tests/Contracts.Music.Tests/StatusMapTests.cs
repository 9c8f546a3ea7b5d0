namespace Contracts.Music.Tests;

/// <summary>The status table, value by value, and the open value types.</summary>
public sealed class StatusMapTests
{
    [Theory]
    [InlineData("NOT_START", "pending")]
    [InlineData("SUBMITTED", "pending")]
    [InlineData("QUEUED", "queued")]
    [InlineData("IN_PROGRESS", "running")]
    [InlineData("SUCCESS", "succeeded")]
    [InlineData("FAILURE", "failed")]
    [InlineData("UNKNOWN", "unknown")]
    public void Task_statuses(string wire, string normalized) => Assert.Equal(normalized, MusicStatusMap.Map(MusicStatusMap.Task, wire).Value);

    [Theory]
    [InlineData("submitted", "pending")]
    [InlineData("queued", "queued")]
    [InlineData("streaming", "streaming")]
    [InlineData("complete", "succeeded")]
    [InlineData("error", "failed")]
    public void Clip_statuses(string wire, string normalized) => Assert.Equal(normalized, MusicStatusMap.Map(MusicStatusMap.Clip, wire).Value);

    [Theory]
    [InlineData("pending", "pending")]
    [InlineData("submitted", "pending")]
    [InlineData("queued", "queued")]
    [InlineData("processing", "running")]
    [InlineData("running", "running")]
    [InlineData("streaming", "streaming")]
    [InlineData("completed", "succeeded")]
    [InlineData("complete", "succeeded")]
    [InlineData("success", "succeeded")]
    [InlineData("failed", "failed")]
    [InlineData("error", "failed")]
    public void GoAmz_statuses(string wire, string normalized) => Assert.Equal(normalized, MusicStatusMap.Map(MusicStatusMap.GoAmz, wire).Value);

    [Fact]
    public void Every_table_row_is_tested()
    {
        // Adding a row to a table without a test row above fails here.
        Assert.Equal(7, MusicStatusMap.Task.Count);
        Assert.Equal(5, MusicStatusMap.Clip.Count);
        Assert.Equal(11, MusicStatusMap.GoAmz.Count);
    }

    [Fact]
    public void Lookups_ignore_case_and_unknown_values_are_kept_verbatim()
    {
        Assert.Equal(MusicTaskStatus.Succeeded, MusicStatusMap.Map(MusicStatusMap.Task, "success"));
        var odd = MusicStatusMap.Map(MusicStatusMap.Task, "MYSTERY_STATE");
        Assert.Equal("MYSTERY_STATE", odd.Value);
        Assert.False(odd.IsKnown);
        Assert.False(odd.IsTerminal);
        Assert.Equal(MusicTaskStatus.Unknown, MusicStatusMap.Map(MusicStatusMap.Clip, null));
        Assert.Equal(MusicTaskStatus.Unknown, default(MusicTaskStatus));
    }

    [Fact]
    public void Status_and_model_are_open_value_types_compared_by_value()
    {
        MusicTaskStatus status = "succeeded";
        Assert.Equal(MusicTaskStatus.Succeeded, status);
        Assert.True(status.IsTerminal);
        MusicModel model = "chirp-v9-future";
        Assert.Equal("chirp-v9-future", model.ToString());
        Assert.NotEqual(MusicModel.ChirpV35, model);
        Assert.Equal(MusicModel.ChirpV35, new MusicModel("chirp-v3-5"));
    }

    [Theory]
    [InlineData("complete,complete", "succeeded")]
    [InlineData("complete,error", "failed")]
    [InlineData("complete,streaming", "streaming")]
    [InlineData("queued,submitted", "queued")]
    [InlineData("submitted,submitted", "pending")]
    [InlineData("streaming,MYSTERY", "MYSTERY")]
    public void Native_task_status_is_aggregated_from_its_clips(string clipStatuses, string expected)
    {
        var clips = clipStatuses.Split(',').Select((s, i) => new MusicClip { Id = $"c{i}", Status = MusicStatusMap.Map(MusicStatusMap.Clip, s) }).ToList();
        Assert.Equal(expected, Contracts.Music.Dialects.NativeV2Adapter.Aggregate(clips).Value);
    }
}
