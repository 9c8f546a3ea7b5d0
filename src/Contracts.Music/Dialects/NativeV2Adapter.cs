using System.Text.Json;
using Contracts.Clients.NativeV2;
using Contracts.Music.Wire;

namespace Contracts.Music.Dialects;

/// <summary>
/// Native v2 (Suno's web API) over <see cref="NativeV2Client"/>. It has no task resource: a generation answers with
/// clips, and the feed reads clips by id. The facade's task id is therefore the generation's clip ids joined with
/// commas, and a task's status is aggregated from its clips.
/// </summary>
internal sealed class NativeV2Adapter(Func<Action<HttpRequestMessage>, NativeV2Client> clients, MusicTarget target, string apiKey, Diagnostics.MusicObserver? observer)
    : DialectAdapter<NativeV2Client>(clients, target, apiKey, observer)
{
    /// <summary>
    /// How many characters of escaped clip ids one feed request carries (<c>feed?ids=</c>): URLs up to 2,048
    /// characters pass every server and proxy in common use; ids beyond that go in further requests.
    /// </summary>
    internal const int FeedIdsBudget = 1900;

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
        var answer = await CallAsync("generateMusic", isRead: false, (client, ct) => client.GenerateMusicAsync(body, ct), cancellationToken).ConfigureAwait(false);
        var ids = (answer.Value.Clips ?? []).Select(c => c?.Id).Where(id => !string.IsNullOrEmpty(id)).ToList();
        if (ids.Count == 0)
            throw VendorError(answer.Operation, answer.Raw, "the answer has no clips, so there is nothing to poll", Normalize.Text(answer.Value.Id));
        return string.Join(',', ids);
    }

    public override async Task<MusicTask> GetTaskAsync(string taskId, CancellationToken cancellationToken) =>
        (await GetTasksAsync([taskId], 1, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Feed calls for all clips of all tasks, as few as the URL budget allows (<see cref="FeedIdsBudget"/>), regrouped per task in the order asked.</summary>
    public override async Task<IReadOnlyList<MusicTask>> GetTasksAsync(IReadOnlyList<string> taskIds, int maxConcurrency, CancellationToken cancellationToken)
    {
        var clipIds = taskIds.SelectMany(SplitTaskId).Distinct(StringComparer.Ordinal).ToList();
        if (clipIds.Count == 0)
            throw new ArgumentException("A native v2 task id is one or more clip ids joined with commas; none was given.", nameof(taskIds));
        var chunks = Chunk(clipIds);
        var answers = new (IReadOnlyList<string> Ids, Answer<ICollection<Clip>> Answer)[chunks.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, chunks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrency), CancellationToken = cancellationToken },
            async (index, token) => answers[index] = (chunks[index], await CallAsync("getFeed", isRead: true,
                (client, ct) => client.GetFeedAsync(string.Join(',', chunks[index]), ct), token).ConfigureAwait(false))).ConfigureAwait(false);

        var clips = new Dictionary<string, MusicClip>(StringComparer.Ordinal);
        var drift = answers.Length == 1 ? answers[0].Answer.Drift : new DriftLog();
        foreach (var (ids, answer) in answers)
        {
            foreach (var clip in ReadClips(answer.Value, answer.Raw, answer.Drift))
                clips.TryAdd(clip.Id, clip);
            var missing = ids.Where(id => !clips.ContainsKey(id)).ToList();
            if (missing.Count > 0)
                throw VendorError(answer.Operation, answer.Raw, $"the feed lacks clip(s) {string.Join(", ", missing)}: unknown to this key or deleted");
            if (!ReferenceEquals(drift, answer.Drift))
                foreach (var item in answer.Drift.Items) drift.Add(item);
        }
        return [.. taskIds.Select(id => ReadTask(id, [.. SplitTaskId(id).Select(c => clips[c])], null, drift))];
    }

    public override async Task<string> SubmitLyricsAsync(string prompt, CancellationToken cancellationToken)
    {
        var body = new GenerateLyricsRequest { Prompt = prompt };
        var answer = await CallAsync("generateLyrics", isRead: false, (client, ct) => client.GenerateLyricsAsync(body, ct), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(answer.Value.Id))
            throw VendorError(answer.Operation, answer.Raw, "the answer has no id");
        return answer.Value.Id;
    }

    public override async Task<MusicLyrics> GetLyricsAsync(string taskId, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("getLyrics", isRead: true, (client, ct) => client.GetLyricsAsync(taskId, ct), cancellationToken).ConfigureAwait(false);
        // Suno's FastAPI answers some errors as 200 {"detail": ...}: nothing of a lyrics result, and an error to report
        // rather than a state to wait on until the timeout.
        if (answer.Value is { Status: null, Text: null, Title: null } && JsonShape.Members(answer.Raw.Utf8.Span, null, "detail").Present != 0)
            throw VendorError(answer.Operation, answer.Raw, taskId: taskId);
        return ReadLyrics(answer.Value, taskId, answer.Drift, () => answer.Raw.Root);
    }

    public override async Task<string> StartUploadAsync(Uri audioUrl, CancellationToken cancellationToken)
    {
        var created = await CallAsync("createUpload", isRead: false,
            (client, ct) => client.CreateUploadAsync(new CreateUploadRequest { Url = audioUrl.AbsoluteUri }, ct), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(created.Value.Id))
            throw VendorError(created.Operation, created.Raw, "the answer has no upload id");
        var fileName = Path.GetFileName(audioUrl.AbsolutePath) is { Length: > 0 } name ? name : "audio.mp3";
        await CallAsync("finishUpload", isRead: false,
            (client, ct) => client.FinishUploadAsync(created.Value.Id, new FinishUploadRequest { UploadType = "file_upload", UploadFilename = fileName }, ct), cancellationToken).ConfigureAwait(false);
        return created.Value.Id;
    }

    public override async Task<(MusicTaskStatus Status, string? VendorStatus, string? Error)> GetUploadStatusAsync(string uploadId, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("getUpload", isRead: true, (client, ct) => client.GetUploadAsync(uploadId, ct), cancellationToken).ConfigureAwait(false);
        // Upload statuses are processing, complete, error: the GoAmz words, so the same table applies.
        return (Normalize.Status(MusicStatusMap.GoAmz, answer.Value.Status, "UploadStatus.status", answer.Drift), answer.Value.Status, answer.Value.ErrorMessage);
    }

    public override async Task<string> FinishUploadAsync(string uploadId, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("initializeUploadClip", isRead: false, (client, ct) => client.InitializeUploadClipAsync(uploadId, ct), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(answer.Value.ClipId))
            throw VendorError(answer.Operation, answer.Raw, "the answer has no clip_id");
        return answer.Value.ClipId;
    }

    public override IReadOnlyList<MusicTask> ReadPayload(RawJson raw)
    {
        var root = JsonShape.Root(raw.Utf8.Span);
        if (root == JsonTokenType.StartArray && Read<ICollection<Clip>>("inspect", raw) is { } feed)
            return Task(ReadClips(feed.Value, raw, feed.Drift), null, feed.Drift);
        if (root != JsonTokenType.StartObject)
            throw NotAnAnswer(raw);

        var (present, kinds) = JsonShape.Members(raw.Utf8.Span, null, "detail", "clips", "text", "id");
        if ((present & 1) != 0 && kinds[0] == JsonTokenType.String && Read<ErrorEnvelope>("inspect", raw) is { } error)
            throw VendorError(error.Operation, raw, error.Value.Detail);
        if ((present & 2) != 0 && Read<GenerateResponse>("inspect", raw) is { } generated)
            return Task(ReadClips(generated.Value.Clips, raw, generated.Drift), generated.Value.CreatedAt == default ? null : generated.Value.CreatedAt, generated.Drift);
        if ((present & 4) != 0 && Read<LyricsResult>("inspect", raw) is { } result)
        {
            // The spec gives a lyrics result no id: a saved one names no task.
            var lyrics = ReadLyrics(result.Value, string.Empty, result.Drift, () => raw.Root);
            return [new MusicTask { Id = lyrics.TaskId, Dialect = Dialect, Status = lyrics.Status, VendorStatus = lyrics.VendorStatus, Lyrics = lyrics, LocateRaw = () => raw.Root, Drift = lyrics.Drift }];
        }
        // A bare {id} is a lyrics submission; other clip-less objects (upload steps) describe no task.
        if (present == 8 && JsonShape.MemberCount(raw.Utf8.Span, 1) == 1 && Read<GenerateLyricsResponse>("inspect", raw) is { Value.Id: { Length: > 0 } id } submitted)
            return [new MusicTask { Id = id, Dialect = Dialect, Status = MusicTaskStatus.Pending, LocateRaw = () => raw.Root, Drift = submitted.Drift.Items }];
        // Nothing above read the whole payload (the scans stop early and call a text that breaks off "no member"):
        // what describes no task is still JSON, or the payload is not JSON, as documented.
        JsonShape.EnsureJson(raw.Utf8.Span);
        return [];

        IReadOnlyList<MusicTask> Task(List<MusicClip> clips, DateTimeOffset? createdAt, DriftLog drift) =>
            clips.Count == 0 ? [] : [ReadTask(string.Join(',', clips.Select(c => c.Id)), clips, createdAt, drift)];
    }

    protected override (string? Code, string? Message) ReadErrorEnvelope(JsonElement body) => WireJson.Member(body, "detail") switch
    {
        // Read as every vendor text is: an escaped lone surrogate (valid JSON, no valid string) reads as no message.
        { ValueKind: JsonValueKind.String } => (null, WireJson.String(body, "detail")),
        // FastAPI validation errors: detail is a list of {loc, msg}.
        { ValueKind: JsonValueKind.Array } list => (null, string.Join("; ", list.EnumerateArray().Select(e => WireJson.String(e, "msg") ?? e.GetRawText()))),
        { } other => (null, other.GetRawText()),
        _ => (null, null),
    };

    protected override string? FindTaskId(JsonElement body)
    {
        var list = body.ValueKind == JsonValueKind.Array ? body : WireJson.Member(body, "clips") ?? default;
        var ids = list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(c => WireJson.String(c, "id")).Where(id => id is not null).ToList()
            : [];
        return ids.Count > 0 ? string.Join(',', ids) : null;
    }

    private static IEnumerable<string> SplitTaskId(string taskId) =>
        taskId.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Clip ids in groups whose escaped, comma-joined length fits <see cref="FeedIdsBudget"/> (one id per group at least).</summary>
    internal static List<IReadOnlyList<string>> Chunk(IReadOnlyList<string> clipIds)
    {
        var chunks = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        var length = 0;
        foreach (var id in clipIds)
        {
            // The generated client escapes the joined ids: a comma becomes %2C.
            var cost = Uri.EscapeDataString(id).Length + (current.Count == 0 ? 0 : 3);
            if (current.Count > 0 && length + cost > FeedIdsBudget)
            {
                chunks.Add(current);
                current = [];
                length = 0;
                cost -= 3;
            }
            current.Add(id);
            length += cost;
        }
        if (current.Count > 0)
            chunks.Add(current);
        return chunks;
    }

    /// <summary>The clips of a feed or generate answer (the feed's root array, or the object's <c>clips</c>), with where each sits.</summary>
    private static List<MusicClip> ReadClips(ICollection<Clip>? clips, RawJson raw, DriftLog drift)
    {
        var read = new List<MusicClip>(clips?.Count ?? 0);
        if (clips is null)
            return read;
        var index = 0;
        foreach (var clip in clips)
        {
            var at = index++;
            if (clip is not null)
                read.Add(SunoClipReader.Read(clip, drift, () => RawJson.Item(ClipList(raw.Root), at)));
        }
        return read;
    }

    private static JsonElement ClipList(JsonElement root) => root.ValueKind == JsonValueKind.Array ? root : RawJson.Member(root, "clips");

    private MusicTask ReadTask(string taskId, IReadOnlyList<MusicClip> clips, DateTimeOffset? createdAt, DriftLog drift)
    {
        var status = Aggregate(clips);
        return new MusicTask
        {
            Id = taskId,
            Dialect = Dialect,
            Status = status,
            VendorStatus = string.Join(',', clips.Select(c => c.VendorStatus)),
            ProgressPercent = status == MusicTaskStatus.Succeeded ? 100 : null,
            Clips = clips,
            FailureReason = status == MusicTaskStatus.Failed ? clips.Select(c => c.ErrorMessage).FirstOrDefault(m => m is not null) ?? "a clip reported error" : null,
            SubmittedAt = createdAt?.ToUniversalTime() ?? clips.Select(c => c.CreatedAt).Where(t => t is not null).Min(),
            // Native v2 has no task object: the task's raw JSON is the array of its clips, built when first read.
            LocateRaw = () => RawJson.Array(clips.Select(c => c.Raw)),
            Drift = drift.Items,
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

    private static MusicLyrics ReadLyrics(LyricsResult result, string taskId, DriftLog drift, RawLocator raw)
    {
        // Lyrics statuses are running, complete, error (spec: LyricsResult.status): the GoAmz table has all three.
        var status = Normalize.Status(MusicStatusMap.GoAmz, result.Status, "LyricsResult.status", drift);
        return new MusicLyrics
        {
            TaskId = taskId,
            Status = status,
            VendorStatus = result.Status,
            Title = result.Title,
            Text = result.Text,
            FailureReason = status == MusicTaskStatus.Failed ? "lyrics generation failed" : null,
            LocateRaw = raw,
            Drift = drift.Items,
        };
    }
}
