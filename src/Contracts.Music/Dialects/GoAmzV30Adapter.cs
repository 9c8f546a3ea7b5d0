using Contracts.Clients.GoAmzV30;
using Contracts.Music.Wire;

namespace Contracts.Music.Dialects;

/// <summary>GoAmz v3.0 over <see cref="GoAmzV30Client"/>: music as every GoAmz version, plus concat and lyrics.</summary>
internal sealed class GoAmzV30Adapter(Func<Action<HttpRequestMessage>, GoAmzV30Client> clients, MusicTarget target, string apiKey, Diagnostics.MusicObserver? observer)
    : GoAmzAdapter<MusicSubmitRequest, MusicSubmitInput, TaskIdEnvelope, SunoTaskEnvelope, GoAmzV30Client>(clients, target, apiKey, observer)
{
    public override async Task<string> ConcatAsync(string clipId, CancellationToken cancellationToken)
    {
        var body = new MusicConcatRequest { ClipId = clipId };
        var answer = await CallAsync("concatMusic", isRead: false, (client, ct) => client.ConcatMusicAsync(body, ct), cancellationToken).ConfigureAwait(false);
        return TaskIdOf(answer);
    }

    public override async Task<string> SubmitLyricsAsync(string prompt, CancellationToken cancellationToken)
    {
        var body = new LyricsSubmitRequest { Prompt = prompt };
        var answer = await CallAsync("submitLyrics", isRead: false, (client, ct) => client.SubmitLyricsAsync(body, ct), cancellationToken).ConfigureAwait(false);
        return TaskIdOf(answer);
    }

    public override async Task<MusicLyrics> GetLyricsAsync(string taskId, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("getLyrics", isRead: true, (client, ct) => client.GetLyricsAsync(taskId, ct), cancellationToken).ConfigureAwait(false);
        if (!IsSuccessCode(answer.Value.Code))
            throw VendorError(answer.Operation, answer.Raw, taskId: taskId);
        return ReadLyrics(answer, taskId);
    }

    protected override IReadOnlyList<MusicTask>? ReadLyricsPayload(RawJson raw)
    {
        if (Read<LyricsTaskEnvelope>("inspect", raw) is not { } answer)
            return null;
        if (!IsSuccessCode(answer.Value.Code))
            throw VendorError(answer.Operation, raw);
        var lyrics = ReadLyrics(answer, null);
        return [new MusicTask
        {
            Id = lyrics.TaskId, Dialect = Dialect, Status = lyrics.Status, VendorStatus = lyrics.VendorStatus, Lyrics = lyrics,
            FailureReason = lyrics.FailureReason, LocateRaw = () => RawJson.Member(raw.Root, "data"), Drift = lyrics.Drift,
        }];
    }

    /// <summary>A get-lyrics answer (<c>data{task_id, input, status, title, text, metadata}</c>).</summary>
    private static MusicLyrics ReadLyrics(Answer<LyricsTaskEnvelope> answer, string? askedId)
    {
        var data = answer.Value.Data;
        var status = Normalize.Status(MusicStatusMap.GoAmz, data?.Status, "LyricsTask.status", answer.Drift);
        return new MusicLyrics
        {
            TaskId = data?.TaskId ?? askedId ?? string.Empty,
            Status = status,
            VendorStatus = data?.Status,
            Title = data?.Title,
            Text = data?.Text,
            FailureReason = status == MusicTaskStatus.Failed ? answer.Value.Message : null,
            LocateRaw = () => RawJson.Member(answer.Raw.Root, "data"),
            Drift = answer.Drift.Items,
        };
    }
}
