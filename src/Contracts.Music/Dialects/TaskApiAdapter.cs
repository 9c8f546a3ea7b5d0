using System.Text.Json;
using Contracts.Clients.TaskApi;
using Contracts.Music.Wire;

namespace Contracts.Music.Dialects;

/// <summary>
/// The task dialect over <see cref="TaskApiClient"/>. Its quirks: <c>code</c> is the string <c>success</c>; a task's
/// <c>data</c> is an array of clips (MUSIC), a lyrics object (LYRICS), or null/empty on failure; times are unix seconds;
/// progress is text like <c>50%</c>; one call reads many tasks.
/// </summary>
internal sealed class TaskApiAdapter(Func<Action<HttpRequestMessage>, TaskApiClient> clients, MusicTarget target, string apiKey, int batchSize, Diagnostics.MusicObserver? observer)
    : DialectAdapter<TaskApiClient>(clients, target, apiKey, observer)
{
    private const string Success = "success";

    public override async Task<string> SubmitAsync(MusicRequest request, CancellationToken cancellationToken)
    {
        var body = new SubmitMusicRequest
        {
            // The page's table marks make_instrumental required (the spec keeps that in x-contracts-page-required), so it is always sent.
            MakeInstrumental = request.Instrumental,
            GptDescriptionPrompt = request.Description,
            Prompt = request.IsInspiration ? null : request.Lyrics ?? string.Empty,
            Tags = request.Tags,
            Title = request.Title,
            Mv = request.Model?.Value,
            TaskId = request.ContinueClipId is null ? null : request.ContinueTaskId,
            ContinueClipId = request.ContinueClipId,
            ContinueAt = request.ContinueAt?.TotalSeconds,
            NotifyHook = request.CallbackUrl?.AbsoluteUri,
        };
        var answer = await CallAsync("submitMusic", isRead: false, (client, ct) => client.SubmitMusicAsync(body, ct), cancellationToken).ConfigureAwait(false);
        return TaskIdOf(answer);
    }

    public override async Task<MusicTask> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("fetchTask", isRead: true, (client, ct) => client.FetchTaskAsync(taskId, ct), cancellationToken).ConfigureAwait(false);
        if (!IsSuccess(answer.Value.Code) || answer.Value.Data is not { } task)
            throw VendorError(answer.Operation, answer.Raw, answer.Value.Data is null ? "the answer has no task in data" : null, taskId);
        return ReadTask(task, answer.Drift, () => RawJson.Member(answer.Raw.Root, "data"));
    }

    /// <summary>One <c>POST /suno/fetch</c> per <c>batchSize</c> ids (in parallel up to <paramref name="maxConcurrency"/>), results in the order asked.</summary>
    public override async Task<IReadOnlyList<MusicTask>> GetTasksAsync(IReadOnlyList<string> taskIds, int maxConcurrency, CancellationToken cancellationToken)
    {
        var distinct = taskIds.Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, MusicTask>(StringComparer.Ordinal);
        var chunks = distinct.Chunk(batchSize).ToList();
        var answers = new IReadOnlyList<MusicTask>[chunks.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, chunks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrency), CancellationToken = cancellationToken },
            async (index, token) => answers[index] = await FetchBatchAsync(chunks[index], token).ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var task in answers.SelectMany(a => a))
            found.TryAdd(task.Id, task);
        return [.. taskIds.Select(id => found[id])];
    }

    private async Task<IReadOnlyList<MusicTask>> FetchBatchAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var body = new FetchTasksRequest { Ids = [.. ids] };
        var answer = await CallAsync("fetchTasks", isRead: true, (client, ct) => client.FetchTasksAsync(body, ct), cancellationToken).ConfigureAwait(false);
        if (!IsSuccess(answer.Value.Code))
            throw VendorError(answer.Operation, answer.Raw);
        // data is null (not []) when none was found on one-hub relays, as the spec says.
        var list = answer.Value.Data ?? [];
        var found = new Dictionary<string, MusicTask>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in list)
        {
            var at = index++;
            if (item is null)
                continue;
            var task = ReadTask(item, answer.Drift, () => RawJson.Item(RawJson.Member(answer.Raw.Root, "data"), at));
            // A task listed twice: the first copy counts.
            found.TryAdd(task.Id, task);
        }
        var missing = ids.Where(id => !found.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            throw VendorError(answer.Operation, answer.Raw, $"the answer lacks task(s) {string.Join(", ", missing)}: unknown to this key or expired");
        return [.. ids.Select(id => found[id])];
    }

    public override async Task<string> SubmitLyricsAsync(string prompt, CancellationToken cancellationToken)
    {
        var body = new SubmitLyricsRequest { Prompt = prompt };
        var answer = await CallAsync("submitLyrics", isRead: false, (client, ct) => client.SubmitLyricsAsync(body, ct), cancellationToken).ConfigureAwait(false);
        return TaskIdOf(answer);
    }

    public override async Task<MusicLyrics> GetLyricsAsync(string taskId, CancellationToken cancellationToken)
    {
        var task = await GetTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
        return task.Lyrics ?? new MusicLyrics
        {
            TaskId = task.Id, Status = task.Status, VendorStatus = task.VendorStatus, FailureReason = task.FailureReason, Raw = task.Raw, Drift = task.Drift,
        };
    }

    public override IReadOnlyList<MusicTask> ReadPayload(RawJson raw)
    {
        var (_, kinds) = JsonShape.Members(raw.Utf8.Span, null, "data");
        switch (kinds[0])
        {
            case JsonTokenType.StartArray when Read<TaskListEnvelope>("inspect", raw) is { } list:
                if (!IsSuccess(list.Value.Code))
                    throw VendorError(list.Operation, raw);
                return [.. (list.Value.Data ?? []).Select((task, at) => (task, at)).Where(t => t.task is not null)
                    .Select(t => ReadTask(t.task!, list.Drift, () => RawJson.Item(RawJson.Member(raw.Root, "data"), t.at)))];
            case JsonTokenType.StartObject when Read<TaskEnvelope>("inspect", raw) is { } one:
                if (!IsSuccess(one.Value.Code))
                    throw VendorError(one.Operation, raw);
                // data began as an object, but a repeated "data" (the last one counts, as everywhere) may be no task.
                if (one.Value.Data is not { } task)
                    throw VendorError(one.Operation, raw, "the answer has no task in data");
                return [ReadTask(task, one.Drift, () => RawJson.Member(raw.Root, "data"))];
            case JsonTokenType.String when Read<SubmitResponse>("inspect", raw) is { } submitted:
                if (!IsSuccess(submitted.Value.Code) || string.IsNullOrEmpty(submitted.Value.Data))
                    throw VendorError(submitted.Operation, raw);
                return [new MusicTask { Id = submitted.Value.Data, Dialect = Dialect, Status = MusicTaskStatus.Pending, LocateRaw = () => raw.Root, Drift = submitted.Drift.Items }];
            default:
                // No task in data: an error envelope (data null) or nothing this dialect describes.
                if (JsonShape.Root(raw.Utf8.Span) != JsonTokenType.StartObject)
                    throw NotAnAnswer(raw);
                var envelope = Read<ErrorEnvelope>("inspect", raw);
                if (envelope is not null && !IsSuccess(envelope.Value.Code))
                    throw VendorError("inspect", raw);
                return [];
        }
    }

    /// <summary>The task dialect's callback body is the task object itself (spec: <c>TaskCallback</c>).</summary>
    public override MusicTask ReadCallback(RawJson raw) =>
        JsonShape.Root(raw.Utf8.Span) == JsonTokenType.StartObject && Read<SunoTask>("callback", raw) is { Value.TaskId: not null } task
            ? ReadTask(task.Value, task.Drift, () => raw.Root)
            : throw VendorError("callback", raw, "the callback body is not a task object (no task_id)");

    protected override (string? Code, string? Message) ReadErrorEnvelope(JsonElement body)
    {
        // new-api relays may answer 401 in the OpenAI error style: {"error": {"message", "type", "code"}}.
        var openAi = WireJson.Member(body, "error") ?? default;
        return (WireJson.String(body, "code") ?? WireJson.String(openAi, "code") ?? WireJson.String(openAi, "type"),
            WireJson.String(body, "message") ?? WireJson.String(openAi, "message"));
    }

    protected override string? FindTaskId(JsonElement body) => WireJson.Member(body, "data") switch
    {
        { ValueKind: JsonValueKind.String } id => id.GetString(),
        { ValueKind: JsonValueKind.Object } task => WireJson.String(task, "task_id"),
        _ => null,
    };

    private static bool IsSuccess(string? code) => string.Equals(code, Success, StringComparison.OrdinalIgnoreCase);

    private string TaskIdOf(Answer<SubmitResponse> answer)
    {
        var taskId = answer.Value.Data;
        if (!IsSuccess(answer.Value.Code) || string.IsNullOrEmpty(taskId))
            throw VendorError(answer.Operation, answer.Raw, taskId is null ? "the answer has no task id in data" : null, string.IsNullOrEmpty(taskId) ? null : taskId);
        return taskId;
    }

    private MusicTask ReadTask(SunoTask task, DriftLog drift, RawLocator raw)
    {
        var status = Normalize.Status(MusicStatusMap.Task, task.Status, "SunoTask.status", drift);
        var id = task.TaskId ?? string.Empty;
        var failure = Normalize.Text(task.FailReason);
        var clips = new List<MusicClip>();
        MusicLyrics? lyrics = null;
        switch ((task as TypedSunoTask)?.TypedData)
        {
            case ICollection<Clip?> list:
                var index = 0;
                foreach (var clip in list)
                {
                    var at = index++;
                    if (clip is not null)
                        clips.Add(SunoClipReader.Read(clip, drift, () => RawJson.Item(RawJson.Member(raw(), "data"), at)));
                }
                break;
            case LyricsResult result:
                lyrics = new MusicLyrics
                {
                    TaskId = id,
                    Status = status,
                    VendorStatus = task.Status,
                    Title = result.Title,
                    Text = result.Text,
                    FailureReason = failure,
                    LocateRaw = () => RawJson.Member(raw(), "data"),
                    Drift = drift.Items,
                };
                break;
        }

        return new MusicTask
        {
            Id = id,
            Dialect = Dialect,
            Status = status,
            VendorStatus = task.Status,
            ProgressPercent = Normalize.Percent(task.Progress),
            Clips = clips,
            Lyrics = lyrics,
            FailureReason = failure,
            SubmittedAt = Normalize.UnixTime(task.SubmitTime, "SunoTask.submit_time", drift),
            StartedAt = Normalize.UnixTime(task.StartTime, "SunoTask.start_time", drift),
            FinishedAt = Normalize.UnixTime(task.FinishTime, "SunoTask.finish_time", drift),
            LocateRaw = raw,
            Drift = drift.Items,
        };
    }
}
