using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Cli.Target;
using Contracts.Music;

namespace Contracts.Cli.Output;

/// <summary>
/// The <c>--json</c> documents: the facade's normalized models in camelCase, each with what the vendor sent under
/// <c>raw</c>. One document per run on stdout; everything else the command says goes to stderr.
/// </summary>
internal static class JsonView
{
    private static readonly JsonSerializerOptions s_write = new()
    {
        WriteIndented = true,
        // Titles and lyrics stay readable (non-ASCII is not escaped); the document is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A task: <c>id, dialect, status, vendorStatus, progressPercent, failureReason, submittedAt, startedAt,
    /// finishedAt, clips, lyrics, drift, raw</c>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="files">The audio files saved, by clip id (generate, concat): each clip gets a <c>file</c>.</param>
    public static JsonObject Task(MusicTask task, IReadOnlyDictionary<string, string>? files = null) => new()
    {
        ["id"] = task.Id,
        ["dialect"] = DialectNames.Format(task.Dialect),
        ["status"] = task.Status.Value,
        ["vendorStatus"] = task.VendorStatus,
        ["progressPercent"] = task.ProgressPercent,
        ["failureReason"] = task.FailureReason,
        ["submittedAt"] = task.SubmittedAt,
        ["startedAt"] = task.StartedAt,
        ["finishedAt"] = task.FinishedAt,
        ["clips"] = new JsonArray(task.Clips.Select(c => (JsonNode)Clip(c, files)).ToArray()),
        ["lyrics"] = task.Lyrics is { } lyrics ? Lyrics(lyrics, withRaw: false) : null,
        ["drift"] = Drift(task.Drift),
        ["raw"] = Raw(task.Raw),
    };

    /// <summary>A clip, without its own <c>raw</c> (the task's <c>raw</c> holds it).</summary>
    public static JsonObject Clip(MusicClip clip, IReadOnlyDictionary<string, string>? files = null)
    {
        var json = new JsonObject
        {
            ["id"] = clip.Id,
            ["title"] = clip.Title,
            ["status"] = clip.Status.Value,
            ["vendorStatus"] = clip.VendorStatus,
            ["audioUrl"] = clip.AudioUrl?.ToString(),
            ["videoUrl"] = clip.VideoUrl?.ToString(),
            ["imageUrl"] = clip.ImageUrl?.ToString(),
            ["imageLargeUrl"] = clip.ImageLargeUrl?.ToString(),
            ["durationSeconds"] = clip.Duration?.TotalSeconds,
            ["tags"] = clip.Tags,
            ["lyrics"] = clip.Lyrics,
            ["description"] = clip.Description,
            ["model"] = clip.Model?.Value,
            ["requestedModel"] = clip.RequestedModel?.Value,
            ["majorModelVersion"] = clip.MajorModelVersion,
            ["errorMessage"] = clip.ErrorMessage,
            ["continuedFromClipId"] = clip.ContinuedFromClipId,
            ["continuedAtSeconds"] = clip.ContinuedAt?.TotalSeconds,
            ["createdAt"] = clip.CreatedAt,
        };
        if (files is not null)
            json["file"] = files.TryGetValue(clip.Id, out var file) ? file : null;
        return json;
    }

    /// <summary>Lyrics: <c>taskId, status, vendorStatus, title, text, failureReason, drift, raw</c>.</summary>
    public static JsonObject Lyrics(MusicLyrics lyrics, bool withRaw = true)
    {
        var json = new JsonObject
        {
            ["taskId"] = lyrics.TaskId,
            ["status"] = lyrics.Status.Value,
            ["vendorStatus"] = lyrics.VendorStatus,
            ["title"] = lyrics.Title,
            ["text"] = lyrics.Text,
            ["failureReason"] = lyrics.FailureReason,
            ["drift"] = Drift(lyrics.Drift),
        };
        if (withRaw)
            json["raw"] = Raw(lyrics.Raw);
        return json;
    }

    /// <summary>A vendor profile: <c>name, dialect, baseUrl, pathPrefix, source</c>.</summary>
    public static JsonObject Vendor(MusicVendor vendor) => new()
    {
        ["name"] = vendor.Name,
        ["dialect"] = DialectNames.Format(vendor.Dialect),
        ["baseUrl"] = vendor.BaseUrl?.ToString(),
        ["pathPrefix"] = vendor.PathPrefix,
        ["source"] = vendor.Source,
    };

    /// <summary>Writes <paramref name="document"/> as one indented JSON document and a newline.</summary>
    public static Task WriteAsync(TextWriter output, JsonNode document) => output.WriteLineAsync(document.ToJsonString(s_write));

    private static JsonArray Drift(IReadOnlyList<MusicDrift> drift) => new(drift.Select(d => (JsonNode)new JsonObject
    {
        ["member"] = d.Member,
        ["kind"] = JsonNamingPolicy.CamelCase.ConvertName(d.Kind.ToString()),
        ["found"] = d.Found,
        ["expected"] = d.Expected,
    }).ToArray());

    private static JsonNode? Raw(JsonElement raw) => raw.ValueKind == JsonValueKind.Undefined ? null : JsonNode.Parse(raw.GetRawText());
}
