using System.Text.Json;

namespace Contracts.Music.Dialects;

/// <summary>
/// What GoAmz v3.5 and v3.0 share (their generated types are separate but the wire is the same): the envelope with
/// an integer <c>code</c>, clips keyed by id, and the request echoed in <c>input</c> as a JSON string.
/// </summary>
internal static class GoAmzReader
{
    /// <summary>GoAmz answers HTTP 200 with <c>code</c> 200 on success; anything else in <c>code</c> is an error.</summary>
    public static bool IsSuccessCode(int? code) => code is null or 200;

    public static (string? Code, string? Message) ReadErrorEnvelope(JsonElement body) =>
        (WireJson.String(body, "code"), WireJson.String(body, "message") ?? WireJson.String(WireJson.Member(body, "error") ?? default, "message"));

    public static string? FindTaskId(JsonElement body) => WireJson.String(WireJson.Member(body, "data") ?? default, "task_id");

    /// <summary>Normalizes a get-music envelope (<c>{code, message, data: {task_id, status, input, clips}}</c>).</summary>
    public static MusicTask ReadTask(MusicDialect dialect, JsonElement envelope, string? askedId)
    {
        var data = WireJson.Member(envelope, "data") ?? default;
        var requestedModel = RequestedModel(WireJson.String(data, "input"));
        var clips = new List<MusicClip>();
        if (WireJson.Member(data, "clips") is { ValueKind: JsonValueKind.Object } byId)
        {
            foreach (var entry in byId.EnumerateObject())
                clips.Add(SunoClipReader.Read(entry.Value, entry.Name, requestedModel));
        }

        var wireStatus = WireJson.String(data, "status");
        var status = MusicStatusMap.Map(MusicStatusMap.GoAmz, wireStatus);
        return new MusicTask
        {
            Id = WireJson.String(data, "task_id") ?? askedId ?? string.Empty,
            Dialect = dialect,
            Status = status,
            VendorStatus = wireStatus,
            ProgressPercent = status == MusicTaskStatus.Succeeded ? 100 : null,
            Clips = clips,
            FailureReason = status == MusicTaskStatus.Failed
                ? WireJson.String(data, "fail_reason") ?? WireJson.String(data, "error") ?? clips.Select(c => c.ErrorMessage).FirstOrDefault(m => m is not null)
                    ?? WireJson.String(envelope, "message")
                : null,
            SubmittedAt = clips.Select(c => c.CreatedAt).Where(t => t is not null).Min(),
            Raw = data,
        };
    }

    /// <summary>Normalizes a get-lyrics envelope (v3.0: <c>data{task_id, input, status, title, text, metadata}</c>).</summary>
    public static MusicLyrics ReadLyrics(JsonElement envelope, string? askedId)
    {
        var data = WireJson.Member(envelope, "data") ?? default;
        var wireStatus = WireJson.String(data, "status");
        var status = MusicStatusMap.Map(MusicStatusMap.GoAmz, wireStatus);
        return new MusicLyrics
        {
            TaskId = WireJson.String(data, "task_id") ?? askedId ?? string.Empty,
            Status = status,
            VendorStatus = wireStatus,
            Title = WireJson.String(data, "title"),
            Text = WireJson.String(data, "text"),
            FailureReason = status == MusicTaskStatus.Failed ? WireJson.String(data, "fail_reason") ?? WireJson.String(envelope, "message") : null,
            Raw = data,
        };
    }

    /// <summary>Reads <c>mv</c> from the echoed request: flat (seed 001) or nested under <c>input</c> (seed 000).</summary>
    private static MusicModel? RequestedModel(string? echo)
    {
        if (WireJson.TryParse(echo) is not { ValueKind: JsonValueKind.Object } input)
            return null;
        var mv = WireJson.String(input, "mv") ?? WireJson.String(WireJson.Member(input, "input") ?? default, "mv");
        return string.IsNullOrWhiteSpace(mv) ? (MusicModel?)null : new MusicModel(mv);
    }

    /// <summary>The fields of a GoAmz submit, as the GoAPI-style clients send them (empty strings and 0 for unused ones).</summary>
    public static (bool CustomMode, string? Mv, string Prompt, string Title, string Tags, double ContinueAt, string ContinueClipId, bool? MakeInstrumental, string? Description)
        SubmitFields(MusicRequest request) => (
            CustomMode: !request.IsInspiration,
            Mv: request.Model?.Value,
            Prompt: request.Lyrics ?? string.Empty,
            Title: request.Title ?? string.Empty,
            Tags: request.Tags ?? string.Empty,
            ContinueAt: request.ContinueAt?.TotalSeconds ?? 0,
            ContinueClipId: request.ContinueClipId ?? string.Empty,
            MakeInstrumental: request.IsInspiration || request.Instrumental ? request.Instrumental : null,
            Description: request.Description);

    /// <summary>Which kind of GoAmz payload this is, for <see cref="DialectAdapter.ReadPayload"/>.</summary>
    public static IReadOnlyList<MusicTask> ReadPayload(MusicDialect dialect, JsonElement root)
    {
        var data = WireJson.Member(root, "data") ?? default;
        if (WireJson.Member(data, "clips") is not null)
            return [ReadTask(dialect, root, null)];
        if (WireJson.Member(data, "text") is not null || WireJson.Member(data, "title") is not null)
        {
            var lyrics = ReadLyrics(root, null);
            return [new MusicTask { Id = lyrics.TaskId, Dialect = dialect, Status = lyrics.Status, VendorStatus = lyrics.VendorStatus, Lyrics = lyrics, FailureReason = lyrics.FailureReason, Raw = data }];
        }
        if (FindTaskId(root) is { } submitted)
            return [new MusicTask { Id = submitted, Dialect = dialect, Status = MusicTaskStatus.Pending, Raw = data }];
        return [];
    }
}
