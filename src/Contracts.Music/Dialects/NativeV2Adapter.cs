using System.Text.Json;
using Contracts.Clients.NativeV2;

namespace Contracts.Music.Dialects;

/// <summary>
/// Native v2 (Suno's web API) over <see cref="NativeV2Client"/>. It has no task resource: a generation answers with
/// clips, and the feed reads clips by id. The facade's task id is therefore the generation's clip ids joined with
/// commas, and a task's status is aggregated from its clips.
/// </summary>
internal sealed class NativeV2Adapter(NativeV2Client client, MusicTarget target, string apiKey) : DialectAdapter(target, apiKey)
{
    /// <summary>Native v2 requires <c>mv</c>; this is sent when the request leaves the model to the vendor.</summary>
    public static MusicModel DefaultModel => MusicModel.ChirpV35;

    public override async Task<string> SubmitAsync(MusicRequest request, CancellationToken cancellationToken)
    {
        var body = new GenerateRequest
        {
            Mv = (request.Model ?? DefaultModel).Value,
            // Custom instrumental is an empty prompt, as the page's scenario 3 (纯音乐) sends it.
            Prompt = request.IsInspiration || request.Instrumental ? string.Empty : request.Lyrics ?? string.Empty,
            Tags = request.Tags ?? string.Empty,
            Title = request.Title ?? string.Empty,
            ContinueClipId = request.ContinueClipId,
            ContinueAt = request.ContinueAt?.TotalSeconds,
            InfillStartS = null,
            InfillEndS = null,
            GptDescriptionPrompt = request.Description,
            MakeInstrumental = request.IsInspiration ? request.Instrumental : null,
        };
        var (answer, raw) = await CallAsync("generateMusic", isRead: false, ct => client.GenerateMusicAsync(body, ct), cancellationToken).ConfigureAwait(false);
        var ids = (answer.Clips ?? []).Select(c => c?.Id).Where(id => !string.IsNullOrEmpty(id)).ToList();
        if (ids.Count == 0)
            throw VendorError("generateMusic", raw, "the answer has no clips, so there is nothing to poll", answer.Id);
        return string.Join(',', ids);
    }

    public override async Task<MusicTask> GetTaskAsync(string taskId, CancellationToken cancellationToken) =>
        (await GetTasksAsync([taskId], 1, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>One feed call for all clips of all tasks, regrouped per task.</summary>
    public override async Task<IReadOnlyList<MusicTask>> GetTasksAsync(IReadOnlyList<string> taskIds, int maxConcurrency, CancellationToken cancellationToken)
    {
        var clipIds = taskIds.SelectMany(SplitTaskId).Distinct(StringComparer.Ordinal).ToList();
        if (clipIds.Count == 0)
            throw new ArgumentException("A native v2 task id is one or more clip ids joined with commas; none was given.", nameof(taskIds));
        var (_, raw) = await CallAsync("getFeed", isRead: true, ct => client.GetFeedAsync(string.Join(',', clipIds), ct), cancellationToken).ConfigureAwait(false);
        var clips = FeedClips(raw).ToDictionary(c => WireJson.String(c, "id") ?? string.Empty, StringComparer.Ordinal);
        var missing = clipIds.Where(id => !clips.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            throw VendorError("getFeed", raw, $"the feed lacks clip(s) {string.Join(", ", missing)}: unknown to this key or deleted");
        return [.. taskIds.Select(id => ReadTask(id, [.. SplitTaskId(id).Select(c => clips[c])], null))];
    }

    public override async Task<string> SubmitLyricsAsync(string prompt, CancellationToken cancellationToken)
    {
        var body = new GenerateLyricsRequest { Prompt = prompt };
        var (answer, raw) = await CallAsync("generateLyrics", isRead: false, ct => client.GenerateLyricsAsync(body, ct), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(answer.Id))
            throw VendorError("generateLyrics", raw, "the answer has no id");
        return answer.Id;
    }

    public override async Task<MusicLyrics> GetLyricsAsync(string taskId, CancellationToken cancellationToken)
    {
        var (_, raw) = await CallAsync("getLyrics", isRead: true, ct => client.GetLyricsAsync(taskId, ct), cancellationToken).ConfigureAwait(false);
        return ReadLyrics(raw, taskId);
    }

    public override async Task<string> StartUploadAsync(Uri audioUrl, CancellationToken cancellationToken)
    {
        var (created, createdRaw) = await CallAsync("createUpload", isRead: false,
            ct => client.CreateUploadAsync(new CreateUploadRequest { Url = audioUrl.AbsoluteUri }, ct), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(created.Id))
            throw VendorError("createUpload", createdRaw, "the answer has no upload id");
        var fileName = Path.GetFileName(audioUrl.AbsolutePath) is { Length: > 0 } name ? name : "audio.mp3";
        await CallAsync("finishUpload", isRead: false,
            ct => client.FinishUploadAsync(created.Id, new FinishUploadRequest { UploadType = "file_upload", UploadFilename = fileName }, ct), cancellationToken).ConfigureAwait(false);
        return created.Id;
    }

    public override async Task<(MusicTaskStatus Status, string? VendorStatus, string? Error)> GetUploadStatusAsync(string uploadId, CancellationToken cancellationToken)
    {
        var (answer, _) = await CallAsync("getUpload", isRead: true, ct => client.GetUploadAsync(uploadId, ct), cancellationToken).ConfigureAwait(false);
        // Upload statuses are processing, complete, error: the GoAmz words, so the same table applies.
        return (MusicStatusMap.Map(MusicStatusMap.GoAmz, answer.Status), answer.Status, answer.ErrorMessage);
    }

    public override async Task<string> FinishUploadAsync(string uploadId, CancellationToken cancellationToken)
    {
        var (answer, raw) = await CallAsync("initializeUploadClip", isRead: false, ct => client.InitializeUploadClipAsync(uploadId, ct), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(answer.ClipId))
            throw VendorError("initializeUploadClip", raw, "the answer has no clip_id");
        return answer.ClipId;
    }

    public override IReadOnlyList<MusicTask> ReadPayload(JsonElement root)
    {
        if (WireJson.String(root, "detail") is { } detail)
            throw VendorError("inspect", root, detail);
        if (root.ValueKind == JsonValueKind.Object && WireJson.Member(root, "clips") is null && WireJson.Member(root, "text") is not null)
        {
            var lyrics = ReadLyrics(root, WireJson.String(root, "id") ?? string.Empty);
            return [new MusicTask { Id = lyrics.TaskId, Dialect = Dialect, Status = lyrics.Status, VendorStatus = lyrics.VendorStatus, Lyrics = lyrics, Raw = root }];
        }
        var clips = FeedClips(root).ToList();
        if (clips.Count == 0)
            // A bare {id} is a lyrics submission; other clip-less objects (upload steps) describe no task.
            return root.ValueKind == JsonValueKind.Object && root.EnumerateObject().Count() == 1 && WireJson.String(root, "id") is { } id
                ? [new MusicTask { Id = id, Dialect = Dialect, Status = MusicTaskStatus.Pending, Raw = root }]
                : [];
        var taskId = string.Join(',', clips.Select(c => WireJson.String(c, "id")));
        return [ReadTask(taskId, clips, WireJson.Time(root, "created_at"))];
    }

    protected override (string? Code, string? Message) ReadErrorEnvelope(JsonElement body) => WireJson.Member(body, "detail") switch
    {
        { ValueKind: JsonValueKind.String } text => (null, text.GetString()),
        // FastAPI validation errors: detail is a list of {loc, msg}.
        { ValueKind: JsonValueKind.Array } list => (null, string.Join("; ", list.EnumerateArray().Select(e => WireJson.String(e, "msg") ?? e.GetRawText()))),
        { } other => (null, other.GetRawText()),
        _ => (null, null),
    };

    protected override string? FindTaskId(JsonElement body) =>
        FeedClips(body).Select(c => WireJson.String(c, "id")).Where(id => id is not null).ToList() is { Count: > 0 } ids ? string.Join(',', ids) : null;

    private static IEnumerable<string> SplitTaskId(string taskId) =>
        taskId.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Clips from a feed (an array, or newer Suno's <c>{clips: [...]}</c>) or a generate answer.</summary>
    private static IEnumerable<JsonElement> FeedClips(JsonElement root)
    {
        var list = root.ValueKind == JsonValueKind.Array ? root : WireJson.Member(root, "clips") ?? default;
        return list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object) : [];
    }

    private MusicTask ReadTask(string taskId, IReadOnlyList<JsonElement> rawClips, DateTimeOffset? createdAt)
    {
        var clips = rawClips.Select(c => SunoClipReader.Read(c)).ToList();
        var status = Aggregate(clips);
        var raw = JsonSerializer.SerializeToElement(rawClips);
        return new MusicTask
        {
            Id = taskId,
            Dialect = Dialect,
            Status = status,
            VendorStatus = string.Join(',', clips.Select(c => c.VendorStatus)),
            ProgressPercent = status == MusicTaskStatus.Succeeded ? 100 : null,
            Clips = clips,
            FailureReason = status == MusicTaskStatus.Failed ? clips.Select(c => c.ErrorMessage).FirstOrDefault(m => m is not null) ?? "a clip reported error" : null,
            SubmittedAt = createdAt ?? clips.Select(c => c.CreatedAt).Where(t => t is not null).Min(),
            Raw = raw,
        };
    }

    /// <summary>
    /// A generation's status from its clips: finished when every clip is; failed when any clip failed; otherwise the
    /// most advanced state any clip reached; a clip status no one documents is passed on verbatim.
    /// </summary>
    internal static MusicTaskStatus Aggregate(IReadOnlyList<MusicClip> clips)
    {
        if (clips.Count == 0)
            return MusicTaskStatus.Unknown;
        if (clips.All(c => c.Status.IsTerminal))
            return clips.Any(c => c.Status == MusicTaskStatus.Failed) ? MusicTaskStatus.Failed : MusicTaskStatus.Succeeded;
        if (clips.FirstOrDefault(c => !c.Status.IsKnown) is { } odd)
            return odd.Status;
        MusicTaskStatus[] order = [MusicTaskStatus.Streaming, MusicTaskStatus.Running, MusicTaskStatus.Queued, MusicTaskStatus.Pending];
        return order.FirstOrDefault(s => clips.Any(c => c.Status == s), MusicTaskStatus.Unknown);
    }

    private static MusicLyrics ReadLyrics(JsonElement raw, string taskId)
    {
        var wireStatus = WireJson.String(raw, "status");
        var status = MusicStatusMap.Map(MusicStatusMap.Clip, wireStatus);
        return new MusicLyrics
        {
            TaskId = taskId,
            Status = status,
            VendorStatus = wireStatus,
            Title = WireJson.String(raw, "title"),
            Text = WireJson.String(raw, "text"),
            FailureReason = status == MusicTaskStatus.Failed ? WireJson.String(raw, "error_message") ?? "lyrics generation failed" : null,
            Raw = raw,
        };
    }
}
