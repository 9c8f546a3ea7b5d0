using System.Text.Json;
using Contracts.Clients.GoAmzV35;

namespace Contracts.Music.Dialects;

/// <summary>GoAmz v3.5 over <see cref="GoAmzV35Client"/>: submit and get music only.</summary>
internal sealed class GoAmzV35Adapter(GoAmzV35Client client, MusicTarget target, string apiKey) : DialectAdapter(target, apiKey)
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
        var taskId = answer.Data?.TaskId;
        if (!GoAmzReader.IsSuccessCode(answer.Code) || string.IsNullOrEmpty(taskId))
            throw VendorError("submitMusic", raw, taskId is null ? "the answer has no data.task_id" : null, taskId);
        return taskId;
    }

    public override async Task<MusicTask> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var (answer, raw) = await CallAsync("getMusic", isRead: true, ct => client.GetMusicAsync(taskId, ct), cancellationToken).ConfigureAwait(false);
        if (!GoAmzReader.IsSuccessCode(answer.Code))
            throw VendorError("getMusic", raw, taskId: taskId);
        return GoAmzReader.ReadTask(Dialect, raw, taskId);
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
}
