using Contracts.Clients;
using Contracts.Music.Wire;

namespace Contracts.Music.Dialects;

/// <summary>
/// Maps Suno's clip object to <see cref="MusicClip"/>. GoAmz, task and native v2 all carry the same Suno clip (only
/// where it sits differs), and each generated <c>Clip</c> implements <see cref="ISunoClip"/>, so this is the one clip
/// mapping, checked by the compiler against the generated types; each adapter finds the clips and hands them here.
/// </summary>
internal static class SunoClipReader
{
    /// <param name="clip">The generated clip, read tolerantly.</param>
    /// <param name="drift">The answer's drift log.</param>
    /// <param name="raw">Finds the clip object in the answer's bytes.</param>
    /// <param name="fallbackId">The id when the object lacks one (GoAmz keys clips by id).</param>
    /// <param name="requestedModel">The model the request asked for, where the dialect echoes it (read when first asked).</param>
    public static MusicClip Read(ISunoClip clip, DriftLog drift, RawLocator raw, string? fallbackId = null, LazyValue<MusicModel?>? requestedModel = null)
    {
        var metadata = clip.Metadata;
        var history = metadata?.History?.FirstOrDefault();
        return new MusicClip
        {
            Id = clip.Id ?? fallbackId ?? string.Empty,
            Title = clip.Title,
            Status = Normalize.Status(MusicStatusMap.Clip, clip.Status, "Clip.status", drift),
            VendorStatus = clip.Status,
            AudioUrlText = clip.AudioUrl,
            VideoUrlText = clip.VideoUrl,
            ImageUrlText = clip.ImageUrl,
            ImageLargeUrlText = clip.ImageLargeUrl,
            Duration = Normalize.Seconds(metadata?.Duration, "ClipMetadata.duration", drift),
            Tags = metadata?.Tags,
            Lyrics = metadata?.Prompt,
            Description = metadata?.GptDescriptionPrompt,
            Model = Normalize.Model(clip.ModelName),
            RequestedModelSource = requestedModel,
            MajorModelVersion = clip.MajorModelVersion,
            ErrorMessage = metadata?.ErrorMessage,
            ContinuedFromClipId = history?.Id,
            ContinuedAt = Normalize.Seconds(history?.ContinueAt, "ClipHistoryEntry.continue_at", drift),
            CreatedAt = clip.CreatedAt?.ToUniversalTime(),
            LocateRaw = raw,
        };
    }
}
