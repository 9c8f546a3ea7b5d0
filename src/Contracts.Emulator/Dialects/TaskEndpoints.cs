using System.Text.Json.Nodes;
using Contracts.Clients;
using Contracts.Emulator.Pipeline;
using Contracts.Emulator.Rendering;
using Contracts.Emulator.State;

namespace Contracts.Emulator.Dialects;

/// <summary>
/// The task dialect (spec task.yaml, one-api/new-api relays): string <c>code</c> envelopes, task ids as
/// <c>task_</c> + 32 characters, upper-case statuses NOT_START, SUBMITTED, QUEUED, IN_PROGRESS, SUCCESS, FAILURE,
/// times in unix seconds, and <c>data</c> holding clips (MUSIC) or one lyrics object (LYRICS).
/// </summary>
internal static class TaskEndpoints
{
    private static DialectDescriptor Dialect => DialectCatalog.Task;

    public static IEnumerable<OperationDescriptor> All()
    {
        yield return OperationDescriptor.Of(Dialect, "submitMusic", "POST", "submit/music", SubmitMusic, hasBody: true);
        yield return OperationDescriptor.Of(Dialect, "submitLyrics", "POST", "submit/lyrics", SubmitLyrics, hasBody: true);
        yield return OperationDescriptor.Of(Dialect, "fetchTask", "GET", "fetch/{taskId}", FetchTask, hasBody: false);
        yield return OperationDescriptor.Of(Dialect, "fetchTasks", "POST", "fetch", FetchTasks, hasBody: true);
    }

    public static string TaskStatus(Phase phase) => phase switch
    {
        Phase.NotStarted => "NOT_START",
        Phase.Submitted => "SUBMITTED",
        Phase.Queued => "QUEUED",
        Phase.Streaming => "IN_PROGRESS",
        Phase.Complete => "SUCCESS",
        _ => "FAILURE",
    };

    private static string Progress(Phase phase) => phase switch
    {
        Phase.Streaming => "50%",
        Phase.Complete or Phase.Failed => "100%",
        _ => "0%",
    };

    private static JsonNode SubmitMusic(OperationCall call)
    {
        var body = call.Body;
        // The page's table marks make_instrumental required (its own examples omit it); the spec follows the table.
        body.Require("make_instrumental");
        var request = new MusicRequest
        {
            Prompt = body.String("prompt"),
            Title = body.String("title"),
            Tags = body.String("tags"),
            GptDescriptionPrompt = body.String("gpt_description_prompt"),
            Model = body.String("mv") ?? "chirp-v3-0", // the page: chirp-v3-0 when omitted
            Instrumental = body.Boolean("make_instrumental") ?? false,
            ContinueClipId = body.String("continue_clip_id"),
            ContinueAt = body.Number("continue_at"),
        };
        var earlierTask = body.String("task_id");
        if (string.IsNullOrWhiteSpace(request.Prompt) && string.IsNullOrWhiteSpace(request.GptDescriptionPrompt) && !request.IsContinuation && !request.Instrumental)
        {
            throw new OperationErrorException(OperationError.BadRequest("prompt_empty", "prompt_empty"));
        }
        // new-api answers an unknown task or clip of a continuation with 400 task_not_exist (see the spec's BadRequest).
        if (!string.IsNullOrEmpty(earlierTask) && call.Store.FindTask(earlierTask, Dialect) is null)
        {
            throw new OperationErrorException(OperationError.BadRequest("task_not_exist", "task_not_exist"));
        }
        EmulatedClip? parent = null;
        if (request.IsContinuation)
        {
            parent = call.Store.FindClip(request.ContinueClipId!)
                ?? throw new OperationErrorException(OperationError.BadRequest("task_not_exist", "task_not_exist"));
        }
        var task = call.Factory.SubmitMusic(Dialect, NewTaskId(), request, body.Node.ToJsonString(), parent, body.String("notify_hook"));
        call.Callbacks.Register(task, call.Render.BaseUrl);
        return Accepted(task.Id);
    }

    private static JsonNode SubmitLyrics(OperationCall call)
    {
        var prompt = call.Body.String("prompt");
        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new OperationErrorException(OperationError.BadRequest("prompt_empty", "prompt_empty"));
        }
        var task = call.Factory.SubmitLyrics(Dialect, NewTaskId(), prompt, call.Body.Node.ToJsonString(), call.Body.String("notify_hook"));
        call.Callbacks.Register(task, call.Render.BaseUrl);
        return Accepted(task.Id);
    }

    private static JsonNode FetchTask(OperationCall call)
    {
        var task = call.Store.FindTask(call.RouteValue("taskId"), Dialect)
            ?? throw new OperationErrorException(OperationError.NotFound("task_not_exist"));
        return new JsonObject { ["code"] = "success", ["message"] = "", ["data"] = Render(task, call.Render, call.Store) };
    }

    private static JsonNode FetchTasks(OperationCall call)
    {
        var ids = call.Body.StringArray("ids")
            ?? throw new OperationErrorException(OperationError.BadRequest("invalid request: 'ids' is required"));
        var action = call.Body.String("action");
        var tasks = new JsonArray();
        // Unknown ids are left out, as relays do; the caller compares the answer with what it asked for.
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (call.Store.FindTask(id, Dialect) is { } task
                && (string.IsNullOrEmpty(action) || string.Equals(action, Action(task), StringComparison.OrdinalIgnoreCase)))
            {
                tasks.Add((JsonNode)Render(task, call.Render, call.Store));
            }
        }
        return new JsonObject { ["code"] = "success", ["message"] = "", ["data"] = tasks };
    }

    /// <summary>The task object (<c>MusicTask</c>): what <c>fetchTask</c> answers in <c>data</c>, and the body of the
    /// callback to <c>notify_hook</c> (<c>TaskCallback</c>).</summary>
    public static JsonObject Render(EmulatedTask task, RenderContext render, EmulatorStore store)
    {
        var phase = render.PhaseOf(task);
        var started = render.Clock.StartedAt(task.CreatedAt);
        var finished = render.Clock.FinishedAt(task.CreatedAt, task.Fails);
        return render.Decorate(new JsonObject
        {
            ["id"] = task.RowNumber,
            ["created_at"] = task.CreatedAt.ToUnixTimeSeconds(),
            ["updated_at"] = (finished ?? started ?? task.CreatedAt).ToUnixTimeSeconds(),
            ["task_id"] = task.Id,
            ["platform"] = "suno",
            ["action"] = Action(task),
            ["status"] = render.Status(TaskStatus(phase)),
            ["fail_reason"] = phase == Phase.Failed ? task.FailReason : "",
            ["submit_time"] = task.CreatedAt.ToUnixTimeSeconds(),
            ["start_time"] = started?.ToUnixTimeSeconds() ?? 0,
            ["finish_time"] = finished?.ToUnixTimeSeconds() ?? 0,
            ["progress"] = Progress(phase),
            ["notify_hook"] = task.NotifyHook,
            ["data"] = task.Kind == TaskKind.Music ? MusicData(task, phase, render, store) : LyricsData(task, phase, render),
        });
    }

    private static JsonNode? MusicData(EmulatedTask task, Phase phase, RenderContext render, EmulatorStore store)
    {
        if (phase == Phase.Failed)
        {
            return null;
        }
        var clips = new JsonArray();
        if (phase.HasClipsVisible())
        {
            foreach (var clip in store.ClipsOf(task))
            {
                clips.Add((JsonNode)ClipRenderer.Render(clip, render));
            }
        }
        return clips;
    }

    private static JsonObject? LyricsData(EmulatedTask task, Phase phase, RenderContext render)
        => phase != Phase.Complete ? null : render.Decorate(new JsonObject
        {
            ["id"] = task.Lyrics!.Id,
            ["text"] = task.Lyrics.Text,
            ["title"] = task.Lyrics.Title,
            ["status"] = render.Status("complete"),
        });

    private static string Action(EmulatedTask task) => task.Kind == TaskKind.Music ? "MUSIC" : "LYRICS";

    /// <summary>Newer relays' id shape: <c>task_</c> + 32 characters.</summary>
    private static string NewTaskId() => "task_" + Guid.NewGuid().ToString("N");

    private static JsonObject Accepted(string taskId) => new() { ["code"] = "success", ["message"] = "", ["data"] = taskId };
}
