using System.Text.Json.Nodes;
using Contracts.Clients;
using Contracts.Emulator.Content;
using Contracts.Emulator.Pipeline;
using Contracts.Emulator.Rendering;
using Contracts.Emulator.State;

namespace Contracts.Emulator.Dialects;

/// <summary>
/// The native v2 dialect (spec native-v2.yaml, Suno's web API under <c>/suno/v2</c>): no envelope, work tracked per
/// clip (submitted, queued, streaming, complete or error) through the feed, <c>{detail}</c> errors, and the
/// upload flow (create, finish, poll, initialize clip).
/// </summary>
internal static class NativeEndpoints
{
    private static DialectDescriptor Dialect => DialectCatalog.NativeV2;

    private static readonly string[] GenerateRequired =
        ["mv", "prompt", "tags", "title", "continue_clip_id", "continue_at", "infill_start_s", "infill_end_s"];

    public static IEnumerable<OperationDescriptor> All()
    {
        yield return OperationDescriptor.Of(Dialect, "generateMusic", "POST", "v2/generate", GenerateMusic, hasBody: true);
        yield return OperationDescriptor.Of(Dialect, "getFeed", "GET", "v2/feed", GetFeed, hasBody: false);
        yield return OperationDescriptor.Of(Dialect, "generateLyrics", "POST", "v2/generate/lyrics", GenerateLyrics, hasBody: true);
        yield return OperationDescriptor.Of(Dialect, "getLyrics", "GET", "v2/generate/lyrics/{lyricsId}", GetLyrics, hasBody: false);
        yield return OperationDescriptor.Of(Dialect, "createUpload", "POST", "v2/uploads/audio-url", CreateUpload, hasBody: true);
        yield return OperationDescriptor.Of(Dialect, "finishUpload", "POST", "v2/uploads/audio/{uploadId}/upload-finish", FinishUpload, hasBody: true);
        yield return OperationDescriptor.Of(Dialect, "getUpload", "GET", "v2/uploads/audio/{uploadId}", GetUpload, hasBody: false);
        yield return OperationDescriptor.Of(Dialect, "initializeUploadClip", "POST", "v2/uploads/audio/{uploadId}/initialize-clip", InitializeUploadClip, hasBody: false);
    }

    private static JsonNode GenerateMusic(OperationCall call)
    {
        var body = call.Body;
        // The page marks every field required, the continuation/infill ones as explicit nulls.
        foreach (var name in GenerateRequired)
        {
            body.Require(name);
        }
        var request = new MusicRequest
        {
            Prompt = body.String("prompt"),
            Title = body.String("title"),
            Tags = body.String("tags"),
            GptDescriptionPrompt = body.String("gpt_description_prompt"),
            Model = body.String("mv") ?? throw new OperationErrorException(OperationError.BadRequest("mv must not be null")),
            Instrumental = body.Boolean("make_instrumental") ?? false,
            ContinueClipId = body.String("continue_clip_id"),
            ContinueAt = body.Number("continue_at"),
            InfillStart = body.Number("infill_start_s"),
            InfillEnd = body.Number("infill_end_s"),
        };
        _ = body.String("negative_tags"); // type-checked only
        EmulatedClip? parent = null;
        if (request.IsContinuation)
        {
            parent = call.Store.FindClip(request.ContinueClipId!)
                ?? throw new OperationErrorException(OperationError.BadRequest($"Clip {request.ContinueClipId} not found."));
        }
        var task = call.Factory.SubmitMusic(Dialect, Guid.NewGuid().ToString(), request, body.Node.ToJsonString(), parent);
        var render = call.Render;
        var clips = new JsonArray();
        foreach (var clip in call.Store.ClipsOf(task))
        {
            clips.Add((JsonNode)ClipRenderer.Render(clip, render));
        }
        // The batch echoes the request in a clip-shaped metadata object (seed 003).
        var metadata = clips[0]!["metadata"]!.DeepClone();
        return render.Decorate(new JsonObject
        {
            ["id"] = task.Id,
            ["clips"] = clips,
            ["metadata"] = metadata,
            ["major_model_version"] = ModelNames.MajorVersion(request.Model),
            // Seed 003 reports the batch complete while its clips are submitted; the clips are what to track.
            ["status"] = render.Status("complete"),
            ["created_at"] = RenderContext.IsoTime(task.CreatedAt),
            ["batch_size"] = 1,
        });
    }

    private static JsonNode GetFeed(OperationCall call)
    {
        var ids = (call.Query("ids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var clips = new JsonArray();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (call.Store.FindClip(id) is { } clip)
            {
                clips.Add((JsonNode)ClipRenderer.Render(clip, call.Render));
            }
        }
        // Unknown ids are left out; only when none is known is the answer a 404 (the operation declares no 400).
        if (clips.Count == 0)
        {
            throw new OperationErrorException(OperationError.NotFound("Not found."));
        }
        var shape = call.Faults.Contains(EmulatorFault.FeedPage) ? FeedShape.Page
            : call.Faults.Contains(EmulatorFault.FeedCursorPage) ? FeedShape.CursorPage
            : call.Options.FeedShape;
        return shape switch
        {
            // One page holds every clip asked for: page 0 of as many results as clips, or a last page with no cursor.
            FeedShape.Page => new JsonObject { ["clips"] = clips, ["num_total_results"] = clips.Count, ["current_page"] = 0 },
            FeedShape.CursorPage => new JsonObject { ["clips"] = clips, ["has_more"] = false, ["next_cursor"] = null },
            _ => clips,
        };
    }

    private static JsonNode GenerateLyrics(OperationCall call)
    {
        var prompt = call.Body.String("prompt") ?? "";
        var task = call.Factory.SubmitLyrics(Dialect, Guid.NewGuid().ToString(), prompt, call.Body.Node.ToJsonString());
        return call.Render.Decorate(new JsonObject { ["id"] = task.Id });
    }

    private static JsonNode GetLyrics(OperationCall call)
    {
        var task = call.Store.FindTask(call.RouteValue("lyricsId"), Dialect, TaskKind.Lyrics)
            ?? throw new OperationErrorException(OperationError.NotFound("Not found."));
        var render = call.Render;
        var phase = render.PhaseOf(task);
        var done = phase == Phase.Complete;
        var status = phase switch { Phase.Complete => "complete", Phase.Failed => "error", _ => "running" };
        return render.Decorate(new JsonObject
        {
            ["text"] = done ? task.Lyrics!.Text : "",
            ["title"] = done ? task.Lyrics!.Title : "",
            ["status"] = render.Status(status),
        });
    }

    private static JsonNode CreateUpload(OperationCall call)
    {
        var url = call.Body.String("url");
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new OperationErrorException(OperationError.BadRequest("url is required."));
        }
        var upload = call.Factory.CreateUpload(url);
        return call.Render.Decorate(new JsonObject { ["id"] = upload.Id, ["status"] = call.Render.Status("processing") });
    }

    private static JsonNode FinishUpload(OperationCall call)
    {
        var upload = FindUpload(call);
        _ = call.Body.String("upload_type"); // type-checked only
        _ = call.Body.String("upload_filename");
        if (upload.FinishedAt is null)
        {
            upload.FinishedAt = call.Clock.Now;
            call.Store.Changed(upload);
        }
        return new JsonObject();
    }

    private static JsonNode GetUpload(OperationCall call)
    {
        var upload = FindUpload(call);
        var render = call.Render;
        var status = UploadStatus(upload, call.Clock);
        var complete = status == "complete";
        var s3Id = "m_" + upload.Id;
        return render.Decorate(new JsonObject
        {
            ["id"] = upload.Id,
            ["status"] = render.Status(status),
            ["error_message"] = status == "error" ? upload.FailReason : null,
            ["s3_id"] = complete ? s3Id : null,
            ["title"] = complete ? upload.Title : null,
            ["image_url"] = complete ? render.ImageUrl(s3Id) : null,
        });
    }

    private static JsonNode InitializeUploadClip(OperationCall call)
    {
        var upload = FindUpload(call);
        if (UploadStatus(upload, call.Clock) != "complete")
        {
            // The operation declares no 400 or 409; Suno answers a not-yet-usable upload as not found.
            throw new OperationErrorException(OperationError.NotFound("Upload is not complete."));
        }
        var clip = call.Factory.InitializeClip(upload);
        return call.Render.Decorate(new JsonObject { ["clip_id"] = clip.Id });
    }

    /// <summary>processing until finished, then one step of processing, one of passed_artist_moderation, then
    /// complete; an upload whose URL carries the failure marker ends in error after processing.</summary>
    public static string UploadStatus(EmulatedUpload upload, EmulatorClock clock)
    {
        if (upload.FinishedAt is not { } finished)
        {
            return "processing";
        }
        var steps = clock.StepsSince(finished);
        return steps switch
        {
            0 => "processing",
            _ when upload.FailReason is not null => "error",
            1 => "passed_artist_moderation",
            _ => "complete",
        };
    }

    private static EmulatedUpload FindUpload(OperationCall call)
        => call.Store.FindUpload(call.RouteValue("uploadId")) ?? throw new OperationErrorException(OperationError.NotFound("Not found."));
}
