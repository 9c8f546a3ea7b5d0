using System.Text.Json;

namespace Contracts.Music.Dialects;

/// <summary>
/// Reads Suno's clip object into <see cref="MusicClip"/>. GoAmz, task and native v2 all carry the same Suno clip
/// (only where it sits differs), so this is the one clip mapping; each adapter finds the clips and hands them here.
/// </summary>
internal static class SunoClipReader
{
    /// <param name="clip">The clip object as the vendor sent it.</param>
    /// <param name="fallbackId">The id when the object lacks one (GoAmz keys clips by id).</param>
    /// <param name="requestedModel">The model the request asked for, where the dialect echoes it.</param>
    public static MusicClip Read(JsonElement clip, string? fallbackId = null, MusicModel? requestedModel = null)
    {
        var metadata = WireJson.Member(clip, "metadata") ?? default;
        var history = WireJson.Member(metadata, "history") is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0
            ? list[0]
            : default;
        var status = WireJson.String(clip, "status");
        var duration = WireJson.Number(metadata, "duration");
        var continueAt = WireJson.Number(history, "continue_at");
        var model = WireJson.String(clip, "model_name");

        return new MusicClip
        {
            Id = WireJson.String(clip, "id") ?? fallbackId ?? string.Empty,
            Title = WireJson.String(clip, "title"),
            Status = MusicStatusMap.Map(MusicStatusMap.Clip, status),
            VendorStatus = status,
            AudioUrl = WireJson.Url(clip, "audio_url"),
            VideoUrl = WireJson.Url(clip, "video_url"),
            ImageUrl = WireJson.Url(clip, "image_url"),
            ImageLargeUrl = WireJson.Url(clip, "image_large_url"),
            Duration = duration is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Tags = WireJson.String(metadata, "tags"),
            Lyrics = WireJson.String(metadata, "prompt"),
            Description = WireJson.String(metadata, "gpt_description_prompt"),
            Model = string.IsNullOrWhiteSpace(model) ? (MusicModel?)null : new MusicModel(model),
            RequestedModel = requestedModel,
            MajorModelVersion = WireJson.String(clip, "major_model_version"),
            ErrorMessage = WireJson.String(metadata, "error_message"),
            ContinuedFromClipId = WireJson.String(history, "id"),
            ContinuedAt = continueAt is { } at ? TimeSpan.FromSeconds(at) : null,
            CreatedAt = WireJson.Time(clip, "created_at"),
            Raw = clip,
        };
    }
}
