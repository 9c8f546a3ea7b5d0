using System.Text.Json.Nodes;
using Contracts.Emulator.Content;
using Contracts.Emulator.State;

namespace Contracts.Emulator.Rendering;

/// <summary>
/// Renders a clip as native Suno does (the 23 fields of native v2's <c>Clip</c>, all present, plus the 15 metadata
/// fields). The task dialect embeds the same object, and GoAmz adds <c>text</c>; every field is one those specs list.
/// </summary>
internal static class ClipRenderer
{
    /// <summary>The Suno account behind the emulator (vendors pass their account's fields through).</summary>
    private const string UserId = "00000000-0000-4000-8000-00000000e301";

    public static string Status(Phase phase) => phase switch
    {
        Phase.NotStarted or Phase.Submitted => "submitted",
        Phase.Queued => "queued",
        Phase.Streaming => "streaming",
        Phase.Complete => "complete",
        _ => "error",
    };

    public static JsonObject Render(EmulatedClip clip, RenderContext context)
    {
        var phase = context.PhaseOf(clip);
        var complete = phase == Phase.Complete;
        var streaming = phase == Phase.Streaming;
        var node = new JsonObject
        {
            ["id"] = clip.Id,
            ["video_url"] = "",
            ["audio_url"] = complete ? context.WavUrl(clip.Id) : streaming ? context.StreamUrl(clip.Id) : "",
            ["image_url"] = complete || streaming ? context.ImageUrl(clip.Id) : null,
            ["image_large_url"] = complete || streaming ? context.LargeImageUrl(clip.Id) : null,
            // The emulator renders no video: pending while the audio streams, then settled with an empty URL.
            ["is_video_pending"] = streaming,
            ["major_model_version"] = ModelNames.MajorVersion(clip.Model),
            ["model_name"] = clip.Model,
            ["metadata"] = Metadata(clip, phase),
            ["is_liked"] = false,
            ["user_id"] = UserId,
            ["display_name"] = "Emulator",
            ["handle"] = "emulator",
            ["is_handle_updated"] = false,
            ["avatar_image_url"] = context.ImageUrl(clip.Id),
            ["is_trashed"] = false,
            ["reaction"] = null,
            ["created_at"] = RenderContext.IsoTime(clip.CreatedAt),
            ["status"] = context.Status(Status(phase)),
            ["title"] = clip.Title,
            ["play_count"] = 0,
            ["upvote_count"] = 0,
            ["is_public"] = false,
        };
        return context.Decorate(node);
    }

    private static JsonObject Metadata(EmulatedClip clip, Phase phase) => new()
    {
        ["tags"] = clip.Tags,
        ["prompt"] = clip.Lyrics,
        ["gpt_description_prompt"] = clip.GptDescriptionPrompt,
        ["audio_prompt_id"] = clip.AudioPromptId,
        ["history"] = History(clip.History),
        ["concat_history"] = History(clip.ConcatHistory),
        ["type"] = clip.Type,
        ["duration"] = phase == Phase.Complete ? clip.Duration : null,
        ["refund_credits"] = phase switch { Phase.Complete => false, Phase.Failed => true, _ => null },
        ["stream"] = true,
        ["infill"] = clip.Infill,
        ["has_vocal"] = !clip.Instrumental && clip.Lyrics.Length > 0,
        ["is_audio_upload_tos_accepted"] = clip.AudioPromptId is not null,
        ["error_type"] = phase == Phase.Failed ? "emulated_failure" : null,
        ["error_message"] = phase == Phase.Failed ? clip.FailReason : null,
    };

    public static JsonArray? History(IReadOnlyList<HistoryEntry>? entries)
    {
        if (entries is null)
        {
            return null;
        }
        var array = new JsonArray();
        foreach (var entry in entries)
        {
            var item = new JsonObject { ["id"] = entry.Id };
            // GoAmz declares continue_at a non-null number, so an unknown point is left out rather than null.
            if (entry.ContinueAt is { } at)
            {
                item["continue_at"] = at;
            }
            item["type"] = entry.Type;
            item["source"] = "web";
            item["infill"] = entry.Infill;
            array.Add((JsonNode)item);
        }
        return array;
    }
}
