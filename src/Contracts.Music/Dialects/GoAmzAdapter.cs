using System.Text.Json;
using Contracts.Clients;
using Contracts.Music.Wire;

namespace Contracts.Music.Dialects;

/// <summary>
/// GoAmz, either version, over its generated client: both specs declare the same wire (an integer <c>code</c>, clips
/// keyed by id, the request echoed in <c>input</c> as a JSON string) and their generated types implement the shared
/// GoAmz shapes (<see cref="IGoAmzMusicClient{TRequest, TIdEnvelope, TTaskEnvelope}"/>), so this is the one GoAmz
/// reading; a version's own operations are added by its subclass.
/// </summary>
internal abstract class GoAmzAdapter<TRequest, TInput, TIdEnvelope, TTaskEnvelope, TClient>(
    Func<Action<HttpRequestMessage>, TClient> clients, MusicTarget target, string apiKey, Diagnostics.MusicObserver? observer)
    : DialectAdapter<TClient>(clients, target, apiKey, observer)
    where TClient : IGoAmzMusicClient<TRequest, TIdEnvelope, TTaskEnvelope>
    where TRequest : class, IGoAmzSubmitRequest<TInput>, new()
    where TInput : class, IGoAmzSubmitInput, new()
    where TIdEnvelope : class, IGoAmzEnvelope<IGoAmzTaskId>
    where TTaskEnvelope : class, IGoAmzEnvelope<IGoAmzTask>
{
    public override async Task<string> SubmitAsync(MusicRequest request, CancellationToken cancellationToken)
    {
        // The GoAPI-style clients send empty strings and 0 for the fields a song does not use.
        var body = new TRequest
        {
            CustomMode = !request.IsInspiration,
            Mv = request.Model?.Value,
            Input = new TInput
            {
                Prompt = request.Lyrics ?? string.Empty,
                Title = request.Title ?? string.Empty,
                Tags = request.Tags ?? string.Empty,
                ContinueAt = request.ContinueAt?.TotalSeconds ?? 0,
                ContinueClipId = request.ContinueClipId ?? string.Empty,
                MakeInstrumental = request.IsInspiration || request.Instrumental ? request.Instrumental : null,
                GptDescriptionPrompt = request.Description,
            },
        };
        var answer = await CallAsync("submitMusic", isRead: false, (client, ct) => client.SubmitMusicAsync(body, ct), cancellationToken).ConfigureAwait(false);
        return TaskIdOf(answer);
    }

    public override async Task<MusicTask> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("getMusic", isRead: true, (client, ct) => client.GetMusicAsync(taskId, ct), cancellationToken).ConfigureAwait(false);
        if (!IsSuccessCode(answer.Value.Code))
            throw VendorError(answer.Operation, answer.Raw, taskId: taskId);
        // A relay that answers with another task (a cache or routing fault) must not pass it off as the one asked.
        if (answer.Value.Data?.TaskId is { Length: > 0 } answered && !string.Equals(answered, taskId, StringComparison.Ordinal))
            throw VendorError(answer.Operation, answer.Raw, $"the answer is for task {answered}, not the task asked for", taskId);
        return ReadTask(answer, taskId);
    }

    /// <summary>Which GoAmz answer a saved payload is, by the members of its <c>data</c>: <c>clips</c> (a task), <c>text</c> or <c>title</c> (lyrics), <c>task_id</c> alone (a submit answer).</summary>
    public override IReadOnlyList<MusicTask> ReadPayload(RawJson raw)
    {
        var (present, _) = JsonShape.Members(raw.Utf8.Span, "data", "clips", "text", "title", "task_id");
        if ((present & 1) != 0 && Read<TTaskEnvelope>("inspect", raw) is { } task)
            return IsSuccessCode(task.Value.Code) ? [ReadTask(task, null)] : throw VendorError(task.Operation, raw);
        if ((present & 6) != 0 && ReadLyricsPayload(raw) is { } lyrics)
            return lyrics;
        if ((present & 8) != 0 && Read<TIdEnvelope>("inspect", raw) is { } submitted)
            return IsSuccessCode(submitted.Value.Code) ? [Submitted(submitted.Value.Data?.TaskId, submitted.Drift, raw)] : throw VendorError(submitted.Operation, raw);
        if (JsonShape.Root(raw.Utf8.Span) != JsonTokenType.StartObject)
            throw NotAnAnswer(raw);
        // No task in data: an error envelope, or nothing this dialect describes (no code at all).
        return Read<TIdEnvelope>("inspect", raw) is { Value.Code: not (0 or 200) } error ? throw VendorError(error.Operation, raw) : [];
    }

    /// <summary>A saved lyrics answer, where the version has lyrics; null otherwise.</summary>
    protected virtual IReadOnlyList<MusicTask>? ReadLyricsPayload(RawJson raw) => null;

    /// <summary>GoAmz answers HTTP 200 with <c>code</c> 200 on success; anything else in <c>code</c> (or none) is an error.</summary>
    protected static bool IsSuccessCode(int code) => code == 200;

    protected override (string? Code, string? Message) ReadErrorEnvelope(JsonElement body) =>
        (WireJson.String(body, "code"), WireJson.String(body, "message") ?? WireJson.String(WireJson.Member(body, "error") ?? default, "message"));

    protected override string? FindTaskId(JsonElement body) => WireJson.String(WireJson.Member(body, "data") ?? default, "task_id");

    /// <summary>The task id of a submit answer; an error when there is none.</summary>
    protected string TaskIdOf<T>(Answer<T> answer) where T : class, IGoAmzEnvelope<IGoAmzTaskId>
    {
        var taskId = answer.Value.Data?.TaskId;
        if (!IsSuccessCode(answer.Value.Code) || string.IsNullOrEmpty(taskId))
            throw VendorError(answer.Operation, answer.Raw, taskId is null ? "the answer has no data.task_id" : null, string.IsNullOrEmpty(taskId) ? null : taskId);
        return taskId;
    }

    private MusicTask ReadTask(Answer<TTaskEnvelope> answer, string? askedId)
    {
        var data = answer.Value.Data;
        var drift = answer.Drift;
        // The echo is a JSON document inside a string: read only if someone asks for the requested model.
        var model = new LazyValue<MusicModel?>(() => RequestedModel(data));
        var clips = new List<MusicClip>();
        foreach (var (id, clip) in data?.Clips ?? [])
        {
            // A clip sent as null is no clip (the tolerant second pass leaves it out of the map; the first keeps it).
            if (clip is null)
                continue;
            clips.Add(SunoClipReader.Read(clip, drift, () => RawJson.Member(RawJson.Member(RawJson.Member(answer.Raw.Root, "data"), "clips"), id), id, model));
        }

        var status = Normalize.Status(MusicStatusMap.GoAmz, data?.Status, "SunoTask.status", drift);
        return new MusicTask
        {
            Id = data?.TaskId ?? askedId ?? string.Empty,
            Dialect = Dialect,
            Status = status,
            VendorStatus = data?.Status,
            ProgressPercent = status == MusicTaskStatus.Succeeded ? 100 : null,
            Clips = clips,
            FailureReason = status == MusicTaskStatus.Failed ? clips.Select(c => c.ErrorMessage).FirstOrDefault(m => m is not null) ?? answer.Value.Message : null,
            SubmittedAt = clips.Select(c => c.CreatedAt).Where(t => t is not null).Min(),
            LocateRaw = () => RawJson.Member(answer.Raw.Root, "data"),
            Drift = drift.Items,
        };
    }

    /// <summary>The model the echoed request asked for; an echo that is not a JSON document has none.</summary>
    private static MusicModel? RequestedModel(IGoAmzTask? task)
    {
        try
        {
            return Normalize.Model(task?.RequestedModel(TolerantJson.Options));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
