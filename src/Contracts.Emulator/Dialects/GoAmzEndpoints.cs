using System.Text.Json.Nodes;
using Contracts.Clients;
using Contracts.Emulator.Pipeline;
using Contracts.Emulator.Rendering;
using Contracts.Emulator.State;

namespace Contracts.Emulator.Dialects;

/// <summary>
/// The GoAmz dialects (specs goamz-v3.5.yaml and goamz-v3.0.yaml): integer <c>code</c> envelopes, the request echoed
/// as a JSON string in <c>data.input</c>, clips as an object keyed by id, lower-case task statuses
/// (pending, processing, completed, failed). v3.5 has music only; v3.0 adds concat and lyrics.
/// </summary>
internal static class GoAmzEndpoints
{
    public static IEnumerable<OperationDescriptor> V35()
    {
        var dialect = DialectCatalog.GoAmzV35;
        yield return OperationDescriptor.Of(dialect, "submitMusic", "POST", "music", call => SubmitMusic(call, "chirp-v3-5"), hasBody: true);
        yield return OperationDescriptor.Of(dialect, "getMusic", "GET", "music/{taskId}", GetMusic, hasBody: false);
    }

    public static IEnumerable<OperationDescriptor> V30()
    {
        var dialect = DialectCatalog.GoAmzV30;
        yield return OperationDescriptor.Of(dialect, "submitMusic", "POST", "music", call => SubmitMusic(call, "chirp-v3-0"), hasBody: true);
        yield return OperationDescriptor.Of(dialect, "concatMusic", "POST", "music/concat", ConcatMusic, hasBody: true);
        yield return OperationDescriptor.Of(dialect, "getMusic", "GET", "music/{taskId}", GetMusic, hasBody: false);
        yield return OperationDescriptor.Of(dialect, "submitLyrics", "POST", "lyrics", SubmitLyrics, hasBody: true);
        yield return OperationDescriptor.Of(dialect, "getLyrics", "GET", "lyrics/{taskId}", GetLyrics, hasBody: false);
    }

    public static string TaskStatus(Phase phase) => phase switch
    {
        Phase.NotStarted or Phase.Submitted or Phase.Queued => "pending",
        Phase.Streaming => "processing",
        Phase.Complete => "completed",
        _ => "failed",
    };

    private static JsonNode SubmitMusic(OperationCall call, string defaultModel)
    {
        var body = call.Body;
        var input = body.Object("input");
        var request = new MusicRequest
        {
            Prompt = input.String("prompt"),
            Title = input.String("title"),
            Tags = input.String("tags"),
            GptDescriptionPrompt = input.String("gpt_description_prompt"),
            // Some relays read mv inside input; accept both, the top level first.
            Model = body.String("mv") ?? input.String("mv") ?? defaultModel,
            Instrumental = input.Boolean("make_instrumental") ?? false,
            ContinueClipId = input.String("continue_clip_id"),
            ContinueAt = input.Number("continue_at"),
        };
        var customMode = body.Boolean("custom_mode") ?? false;
        if (string.IsNullOrWhiteSpace(request.Prompt) && string.IsNullOrWhiteSpace(request.GptDescriptionPrompt) && !request.IsContinuation && !request.Instrumental)
        {
            throw new OperationErrorException(OperationError.BadRequest("invalid request: input.prompt or input.gpt_description_prompt is required"));
        }
        EmulatedClip? parent = null;
        if (request.IsContinuation)
        {
            // The submit operations declare no 404, so an unknown parent is a bad request.
            parent = call.Store.FindClip(request.ContinueClipId!)
                ?? throw new OperationErrorException(OperationError.BadRequest($"invalid request: continue_clip_id '{request.ContinueClipId}' not found"));
        }
        var echo = call.Dialect == DialectCatalog.GoAmzV35 ? NestedEcho(body.Node) : FlatEcho(customMode, request);
        var task = call.Factory.SubmitMusic(call.Dialect, Guid.NewGuid().ToString(), request, echo, parent);
        return TaskIdEnvelope(task.Id);
    }

    private static JsonNode ConcatMusic(OperationCall call)
    {
        var clipId = call.Body.String("clip_id");
        if (string.IsNullOrWhiteSpace(clipId))
        {
            throw new OperationErrorException(OperationError.BadRequest("invalid request: clip_id is required"));
        }
        var clip = call.Store.FindClip(clipId) ?? throw new OperationErrorException(OperationError.NotFound("clip not found"));
        var echo = new JsonObject { ["clip_id"] = clipId }.ToJsonString();
        var task = call.Factory.Concat(call.Dialect, Guid.NewGuid().ToString(), clip, echo);
        return TaskIdEnvelope(task.Id);
    }

    private static JsonNode GetMusic(OperationCall call)
    {
        var task = call.Store.FindTask(call.RouteValue("taskId"), call.Dialect, TaskKind.Music)
            ?? throw new OperationErrorException(OperationError.NotFound("task not found"));
        var render = call.Render;
        var phase = render.PhaseOf(task);
        var clips = new JsonObject();
        if (phase.HasClipsVisible())
        {
            foreach (var clip in call.Store.ClipsOf(task))
            {
                var node = ClipRenderer.Render(clip, render);
                node["text"] = ""; // seed 000 shows it empty on every clip
                clips[clip.Id] = node;
            }
        }
        var data = render.Decorate(new JsonObject
        {
            ["task_id"] = task.Id,
            ["status"] = render.Status(TaskStatus(phase)),
            ["input"] = task.InputEcho,
            ["clips"] = clips,
        });
        return Envelope(data);
    }

    private static JsonNode SubmitLyrics(OperationCall call)
    {
        var prompt = call.Body.String("prompt");
        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new OperationErrorException(OperationError.BadRequest("invalid request: prompt is required"));
        }
        var task = call.Factory.SubmitLyrics(call.Dialect, Guid.NewGuid().ToString(), prompt, call.Body.Node.ToJsonString());
        return TaskIdEnvelope(task.Id);
    }

    private static JsonNode GetLyrics(OperationCall call)
    {
        var task = call.Store.FindTask(call.RouteValue("taskId"), call.Dialect, TaskKind.Lyrics)
            ?? throw new OperationErrorException(OperationError.NotFound("task not found"));
        var render = call.Render;
        var phase = render.PhaseOf(task);
        var done = phase == Phase.Complete;
        var started = call.Clock.StartedAt(task.CreatedAt);
        var ended = call.Clock.FinishedAt(task.CreatedAt, task.Fails);
        var data = render.Decorate(new JsonObject
        {
            ["task_id"] = task.Id,
            ["input"] = task.InputEcho,
            ["status"] = render.Status(TaskStatus(phase)),
            ["title"] = done ? task.Lyrics!.Title : "",
            ["text"] = done ? task.Lyrics!.Text : "",
            ["metadata"] = new JsonObject
            {
                ["created_at"] = RenderContext.IsoTime(task.CreatedAt),
                ["started_at"] = started is { } s ? RenderContext.IsoTime(s) : null,
                ["ended_at"] = ended is { } e ? RenderContext.IsoTime(e) : null,
                ["quota_frozen"] = phase.IsFinal() ? 0 : 1,
                ["quota_usage"] = phase == Phase.Complete ? 1 : 0,
            },
        });
        return Envelope(data);
    }

    /// <summary>Seed 000's shape: the body as it was sent (custom_mode and the song fields nested under input).</summary>
    private static string NestedEcho(JsonObject body) => body.ToJsonString();

    /// <summary>Seed 001's shape: every field flat at the top level, mv included.</summary>
    private static string FlatEcho(bool customMode, MusicRequest request) => new JsonObject
    {
        ["custom_mode"] = customMode,
        ["gpt_description_prompt"] = request.GptDescriptionPrompt ?? "",
        ["make_instrumental"] = request.Instrumental,
        ["prompt"] = request.Prompt ?? "",
        ["title"] = request.Title ?? "",
        ["continue_at"] = request.ContinueAt ?? 0,
        ["continue_clip_id"] = request.ContinueClipId ?? "",
        ["mv"] = request.Model,
        ["tags"] = request.Tags ?? "",
    }.ToJsonString();

    private static JsonObject TaskIdEnvelope(string taskId) => new()
    {
        ["code"] = 200,
        ["data"] = new JsonObject { ["task_id"] = taskId },
        ["message"] = "success",
    };

    private static JsonObject Envelope(JsonObject data) => new()
    {
        ["code"] = 200,
        ["message"] = "success",
        ["data"] = data,
    };
}
