using System.Text.Json;
using System.Text.Json.Nodes;

namespace Contracts.Music.Tests.Infrastructure;

/// <summary>The facade's view of tasks as stable, indented JSON for snapshots. Raw JSON is left out: it is the input.</summary>
internal static class NormalizedView
{
    public static string Of(IReadOnlyList<MusicTask> tasks) =>
        new JsonArray([.. tasks.Select(Task)]).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    public static string Of(MusicApiException error) =>
        new JsonObject
        {
            ["exception"] = nameof(MusicApiException),
            ["vendor"] = error.Vendor,
            ["dialect"] = error.Dialect.ToString(),
            ["operation"] = error.Operation,
            ["kind"] = error.Kind.ToString(),
            ["status"] = error.Status,
            ["errorCode"] = error.ErrorCode,
            ["vendorMessage"] = error.VendorMessage,
            ["taskId"] = error.TaskId,
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private static JsonObject Task(MusicTask t) => new()
    {
        ["id"] = t.Id,
        ["dialect"] = t.Dialect.ToString(),
        ["status"] = t.Status.Value,
        ["vendorStatus"] = t.VendorStatus,
        ["isCompleted"] = t.IsCompleted,
        ["progressPercent"] = t.ProgressPercent,
        ["failureReason"] = t.FailureReason,
        ["submittedAt"] = t.SubmittedAt?.ToString("O"),
        ["startedAt"] = t.StartedAt?.ToString("O"),
        ["finishedAt"] = t.FinishedAt?.ToString("O"),
        ["lyrics"] = t.Lyrics is { } l ? new JsonObject
        {
            ["taskId"] = l.TaskId, ["status"] = l.Status.Value, ["vendorStatus"] = l.VendorStatus, ["title"] = l.Title, ["text"] = l.Text,
            ["failureReason"] = l.FailureReason,
        } : null,
        ["clips"] = new JsonArray([.. t.Clips.Select(Clip)]),
    };

    private static JsonObject Clip(MusicClip c) => new()
    {
        ["id"] = c.Id,
        ["title"] = c.Title,
        ["status"] = c.Status.Value,
        ["vendorStatus"] = c.VendorStatus,
        ["audioUrl"] = c.AudioUrl?.ToString(),
        ["videoUrl"] = c.VideoUrl?.ToString(),
        ["imageUrl"] = c.ImageUrl?.ToString(),
        ["imageLargeUrl"] = c.ImageLargeUrl?.ToString(),
        ["durationSeconds"] = c.Duration?.TotalSeconds,
        ["tags"] = c.Tags,
        ["lyrics"] = c.Lyrics,
        ["description"] = c.Description,
        ["model"] = c.Model?.Value,
        ["requestedModel"] = c.RequestedModel?.Value,
        ["majorModelVersion"] = c.MajorModelVersion,
        ["errorMessage"] = c.ErrorMessage,
        ["continuedFromClipId"] = c.ContinuedFromClipId,
        ["continuedAtSeconds"] = c.ContinuedAt?.TotalSeconds,
        ["createdAt"] = c.CreatedAt?.ToString("O"),
    };
}
