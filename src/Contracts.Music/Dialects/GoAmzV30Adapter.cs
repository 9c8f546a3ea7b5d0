using System.Text.Json;
using Contracts.Clients.GoAmzV30;

namespace Contracts.Music.Dialects;

/// <summary>GoAmz v3.0 over <see cref="GoAmzV30Client"/>: music, concat and lyrics.</summary>
internal sealed class GoAmzV30Adapter(GoAmzV30Client client, MusicTarget target, string apiKey) : DialectAdapter(target, apiKey)
{
    public override async Task<string> SubmitAsync(MusicRequest request, CancellationToken cancellationToken)
    {
        var f = GoAmzReader.SubmitFields(request);
        var body = new MusicSubmitRequest
        {
            CustomMode = f.CustomMode,
            Mv = f.Mv,
            Input = new MusicSubmitInput
            {
                Prompt = f.Prompt, Title = f.Title, Tags = f.Tags, ContinueAt = f.ContinueAt, ContinueClipId = f.ContinueClipId,
                MakeInstrumental = f.MakeInstrumental, GptDescriptionPrompt = f.Description,
            },
        };
        var (answer, raw) = await CallAsync("submitMusic", isRead: false, ct => client.SubmitMusicAsync(body, ct), cancellationToken).ConfigureAwait(false);
        return TaskIdOf("submitMusic", answer, raw);
    }

    public override async Task<MusicTask> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var (answer, raw) = await CallAsync("getMusic", isRead: true, ct => client.GetMusicAsync(taskId, ct), cancellationToken).ConfigureAwait(false);
        if (!GoAmzReader.IsSuccessCode(answer.Code))
            throw VendorError("getMusic", raw, taskId: taskId);
        return GoAmzReader.ReadTask(Dialect, raw, taskId);
    }

    public override async Task<string> ConcatAsync(string clipId, CancellationToken cancellationToken)
    {
        var body = new MusicConcatRequest { ClipId = clipId };
        var (answer, raw) = await CallAsync("concatMusic", isRead: false, ct => client.ConcatMusicAsync(body, ct), cancellationToken).ConfigureAwait(false);
        return TaskIdOf("concatMusic", answer, raw);
    }

    public override async Task<string> SubmitLyricsAsync(string prompt, CancellationToken cancellationToken)
    {
        var body = new LyricsSubmitRequest { Prompt = prompt };
        var (answer, raw) = await CallAsync("submitLyrics", isRead: false, ct => client.SubmitLyricsAsync(body, ct), cancellationToken).ConfigureAwait(false);
        return TaskIdOf("submitLyrics", answer, raw);
    }

    public override async Task<MusicLyrics> GetLyricsAsync(string taskId, CancellationToken cancellationToken)
    {
        var (answer, raw) = await CallAsync("getLyrics", isRead: true, ct => client.GetLyricsAsync(taskId, ct), cancellationToken).ConfigureAwait(false);
        if (!GoAmzReader.IsSuccessCode(answer.Code))
            throw VendorError("getLyrics", raw, taskId: taskId);
        return GoAmzReader.ReadLyrics(raw, taskId);
    }

    public override IReadOnlyList<MusicTask> ReadPayload(JsonElement root)
    {
        var envelope = root.Deserialize<ErrorEnvelope>(WireJson.Tolerant);
        if (!GoAmzReader.IsSuccessCode(envelope?.Code))
            throw VendorError("inspect", root);
        return GoAmzReader.ReadPayload(Dialect, root);
    }

    protected override (string? Code, string? Message) ReadErrorEnvelope(JsonElement body) => GoAmzReader.ReadErrorEnvelope(body);

    protected override string? FindTaskId(JsonElement body) => GoAmzReader.FindTaskId(body);

    private string TaskIdOf(string operation, TaskIdEnvelope answer, JsonElement raw)
    {
        var taskId = answer.Data?.TaskId;
        if (!GoAmzReader.IsSuccessCode(answer.Code) || string.IsNullOrEmpty(taskId))
            throw VendorError(operation, raw, taskId is null ? "the answer has no data.task_id" : null, taskId);
        return taskId;
    }
}
