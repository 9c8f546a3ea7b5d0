using System.Globalization;
using System.Text.Json;
using Contracts.Clients.TaskApi;

namespace Contracts.Music.Dialects;

/// <summary>
/// The task dialect over <see cref="TaskApiClient"/>. Its quirks: <c>code</c> is the string <c>success</c>; a task's
/// <c>data</c> is an array of clips (MUSIC), a lyrics object (LYRICS), or null/empty on failure; times are unix seconds;
/// progress is text like <c>50%</c>; one call reads many tasks.
/// </summary>
internal sealed class TaskApiAdapter(TaskApiClient client, MusicTarget target, string apiKey) : DialectAdapter(target, apiKey)
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
        var (answer, raw) = await CallAsync("submitMusic", isRead: false, ct => client.SubmitMusicAsync(body, ct), cancellationToken).ConfigureAwait(false);
        return TaskIdOf("submitMusic", answer, raw);
    }

    public override async Task<MusicTask> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var (answer, raw) = await CallAsync("fetchTask", isRead: true, ct => client.FetchTaskAsync(taskId, ct), cancellationToken).ConfigureAwait(false);
        if (!IsSuccess(answer.Code) || WireJson.Member(raw, "data") is not { ValueKind: JsonValueKind.Object } task)
            throw VendorError("fetchTask", raw, answer.Data is null ? "the answer has no task in data" : null, taskId);
        return ReadTask(task);
    }

    public override async Task<IReadOnlyList<MusicTask>> GetTasksAsync(IReadOnlyList<string> taskIds, int maxConcurrency, CancellationToken cancellationToken)
    {
        var body = new FetchTasksRequest { Ids = [.. taskIds] };
        var (answer, raw) = await CallAsync("fetchTasks", isRead: true, ct => client.FetchTasksAsync(body, ct), cancellationToken).ConfigureAwait(false);
        if (!IsSuccess(answer.Code))
            throw VendorError("fetchTasks", raw);
        // data is null (not []) when none was found on one-hub relays, as the spec says.
        var list = WireJson.Member(raw, "data") switch
        {
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().ToList(),
            null => [],
            _ => throw VendorError("fetchTasks", raw, "the answer has no task list in data"),
        };
        var found = list.Select(ReadTask).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var missing = taskIds.Where(id => !found.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            throw VendorError("fetchTasks", raw, $"the answer lacks task(s) {string.Join(", ", missing)}: unknown to this key or expired");
        return [.. taskIds.Select(id => found[id])];
    }

    public override async Task<string> SubmitLyricsAsync(string prompt, CancellationToken cancellationToken)
    {
        var body = new SubmitLyricsRequest { Prompt = prompt };
        var (answer, raw) = await CallAsync("submitLyrics", isRead: false, ct => client.SubmitLyricsAsync(body, ct), cancellationToken).ConfigureAwait(false);
        return TaskIdOf("submitLyrics", answer, raw);
    }

    public override async Task<MusicLyrics> GetLyricsAsync(string taskId, CancellationToken cancellationToken)
    {
        var task = await GetTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
        return task.Lyrics ?? new MusicLyrics
        {
            TaskId = task.Id, Status = task.Status, VendorStatus = task.VendorStatus, FailureReason = task.FailureReason, Raw = task.Raw,
        };
    }

    public override IReadOnlyList<MusicTask> ReadPayload(JsonElement root)
    {
        if (!IsSuccess(WireJson.String(root, "code")))
            throw VendorError("inspect", root);
        return WireJson.Member(root, "data") switch
        {
            { ValueKind: JsonValueKind.Object } task => [ReadTask(task)],
            { ValueKind: JsonValueKind.Array } list => [.. list.EnumerateArray().Select(ReadTask)],
            { ValueKind: JsonValueKind.String } id => [new MusicTask { Id = id.GetString()!, Dialect = Dialect, Status = MusicTaskStatus.Pending, Raw = root }],
            _ => [],
        };
    }

    /// <summary>The task dialect's callback body is the task object itself (spec: <c>TaskCallback</c>).</summary>
    public override MusicTask ReadCallback(JsonElement root) => root.ValueKind == JsonValueKind.Object && WireJson.String(root, "task_id") is not null
        ? ReadTask(root)
        : throw VendorError("callback", root, "the callback body is not a task object (no task_id)");

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

    private string TaskIdOf(string operation, SubmitResponse answer, JsonElement raw)
    {
        var taskId = answer.Data;
        if (!IsSuccess(answer.Code) || string.IsNullOrEmpty(taskId))
            throw VendorError(operation, raw, taskId is null ? "the answer has no task id in data" : null, string.IsNullOrEmpty(taskId) ? null : taskId);
        return taskId;
    }

    private MusicTask ReadTask(JsonElement task)
    {
        var wireStatus = WireJson.String(task, "status");
        var status = MusicStatusMap.Map(MusicStatusMap.Task, wireStatus);
        var id = WireJson.String(task, "task_id") ?? string.Empty;
        var clips = new List<MusicClip>();
        MusicLyrics? lyrics = null;
        switch (WireJson.Member(task, "data"))
        {
            case { ValueKind: JsonValueKind.Array } list:
                clips.AddRange(list.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object).Select(c => SunoClipReader.Read(c)));
                break;
            case { ValueKind: JsonValueKind.Object } result:
                lyrics = new MusicLyrics
                {
                    TaskId = id,
                    Status = status,
                    VendorStatus = wireStatus,
                    Title = WireJson.String(result, "title"),
                    Text = WireJson.String(result, "text"),
                    FailureReason = WireJson.String(task, "fail_reason") is { Length: > 0 } reason ? reason : null,
                    Raw = result,
                };
                break;
        }

        return new MusicTask
        {
            Id = id,
            Dialect = Dialect,
            Status = status,
            VendorStatus = wireStatus,
            ProgressPercent = ParsePercent(WireJson.String(task, "progress")),
            Clips = clips,
            Lyrics = lyrics,
            FailureReason = WireJson.String(task, "fail_reason") is { Length: > 0 } failure ? failure : null,
            SubmittedAt = WireJson.Time(task, "submit_time"),
            StartedAt = WireJson.Time(task, "start_time"),
            FinishedAt = WireJson.Time(task, "finish_time"),
            Raw = task,
        };
    }

    private static int? ParsePercent(string? progress) =>
        int.TryParse(progress?.TrimEnd('%').Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent) ? percent : null;
}
