using System.Text.Json;

namespace Contracts.Clients
{
    /// <summary>
    /// The music operations both GoAmz specs (v3.5 and v3.0) declare alike: submit a song, read its task. Each spec
    /// generates its own client and types; both clients implement this with their generated methods, so one reader
    /// serves both and a member renamed in either spec breaks that reader's build.
    /// </summary>
    /// <typeparam name="TRequest">The dialect's <c>MusicSubmitRequest</c>.</typeparam>
    /// <typeparam name="TIdEnvelope">The dialect's <c>TaskIdEnvelope</c>.</typeparam>
    /// <typeparam name="TTaskEnvelope">The dialect's <c>SunoTaskEnvelope</c>.</typeparam>
    public interface IGoAmzMusicClient<in TRequest, TIdEnvelope, TTaskEnvelope>
    {
        /// <summary>Submits a song (<c>submitMusic</c>).</summary>
        System.Threading.Tasks.Task<TIdEnvelope> SubmitMusicAsync(TRequest body, System.Threading.CancellationToken cancellationToken = default);

        /// <summary>Reads a task (<c>getMusic</c>).</summary>
        System.Threading.Tasks.Task<TTaskEnvelope> GetMusicAsync(string taskId, System.Threading.CancellationToken cancellationToken = default);
    }

    /// <summary>A GoAmz answer: <c>{code, message, data}</c>, <c>code</c> an integer (200 on success).</summary>
    /// <typeparam name="TData">What <c>data</c> holds.</typeparam>
    public interface IGoAmzEnvelope<out TData>
        where TData : class
    {
        /// <summary>The answer's code (<c>code</c>): 200 on success.</summary>
        int Code { get; }

        /// <summary>The vendor's message (<c>message</c>).</summary>
        string? Message { get; }

        /// <summary>The payload (<c>data</c>).</summary>
        TData? Data { get; }
    }

    /// <summary>The <c>data</c> of a GoAmz submit answer.</summary>
    public interface IGoAmzTaskId
    {
        /// <summary>The new task's id (<c>task_id</c>).</summary>
        string? TaskId { get; }
    }

    /// <summary>A GoAmz task (<c>data</c> of getMusic): its status, the request echoed as JSON text, and its clips keyed by id.</summary>
    public interface IGoAmzTask
    {
        /// <summary>The task id (<c>task_id</c>).</summary>
        string? TaskId { get; }

        /// <summary>The task status as sent (<c>status</c>).</summary>
        string? Status { get; }

        /// <summary>The request the task was made from, a JSON document in a string (<c>input</c>).</summary>
        string? Input { get; }

        /// <summary>The clips by id (<c>clips</c>).</summary>
        IEnumerable<KeyValuePair<string, ISunoClip>>? Clips { get; }

        /// <summary>The model the request asked for: <c>mv</c> of <see cref="Input"/>, flat or nested under <c>input</c>; null when absent.</summary>
        /// <param name="options">How to read the echoed request.</param>
        /// <exception cref="JsonException"><see cref="Input"/> is not a JSON document.</exception>
        string? RequestedModel(JsonSerializerOptions options);
    }

    /// <summary>The body of a GoAmz submit (<c>MusicSubmitRequest</c>).</summary>
    /// <typeparam name="TInput">The dialect's <c>MusicSubmitInput</c>.</typeparam>
    public interface IGoAmzSubmitRequest<TInput>
    {
        /// <summary>Custom mode (lyrics given) or inspiration mode (<c>custom_mode</c>).</summary>
        bool? CustomMode { get; set; }

        /// <summary>The model (<c>mv</c>).</summary>
        string? Mv { get; set; }

        /// <summary>The song parameters (<c>input</c>).</summary>
        TInput? Input { get; set; }
    }

    /// <summary>The song parameters of a GoAmz submit (<c>MusicSubmitInput</c>).</summary>
    public interface IGoAmzSubmitInput
    {
        /// <summary>The lyrics (<c>prompt</c>).</summary>
        string? Prompt { get; set; }

        /// <summary>The title (<c>title</c>).</summary>
        string? Title { get; set; }

        /// <summary>Style tags (<c>tags</c>).</summary>
        string? Tags { get; set; }

        /// <summary>Where to continue the clip, in seconds (<c>continue_at</c>).</summary>
        double? ContinueAt { get; set; }

        /// <summary>The clip to continue (<c>continue_clip_id</c>).</summary>
        string? ContinueClipId { get; set; }

        /// <summary>No vocals (<c>make_instrumental</c>).</summary>
        bool? MakeInstrumental { get; set; }

        /// <summary>The inspiration-mode description (<c>gpt_description_prompt</c>).</summary>
        string? GptDescriptionPrompt { get; set; }
    }
}

// CUSTOM: both GoAmz dialects' generated clients and types implement the shared GoAmz shapes above, so one adapter
// serves both with the compiler checking every member against each spec. Only members whose generated type differs
// per namespace are written here; the rest are the generated members themselves.
namespace Contracts.Clients.GoAmzV35
{
    public partial class GoAmzV35Client : IGoAmzMusicClient<MusicSubmitRequest, TaskIdEnvelope, SunoTaskEnvelope>;

    public partial class TaskIdEnvelope : IGoAmzEnvelope<TaskIdResult>;

    public partial class TaskIdResult : IGoAmzTaskId;

    public partial class SunoTaskEnvelope : IGoAmzEnvelope<SunoTask>;

    public partial class MusicSubmitRequest : IGoAmzSubmitRequest<MusicSubmitInput>;

    public partial class MusicSubmitInput : IGoAmzSubmitInput;

    public partial class SunoTask : IGoAmzTask
    {
        IEnumerable<KeyValuePair<string, ISunoClip>>? IGoAmzTask.Clips => Clips?.Select(c => new KeyValuePair<string, ISunoClip>(c.Key, c.Value));

        string? IGoAmzTask.RequestedModel(JsonSerializerOptions options) =>
            string.IsNullOrWhiteSpace(Input) ? null : JsonSerializer.Deserialize(Input, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<MusicInputEcho>)options.GetTypeInfo(typeof(MusicInputEcho))) is { } echo ? echo.Mv ?? echo.Input?.Mv : null;
    }
}

namespace Contracts.Clients.GoAmzV30
{
    public partial class GoAmzV30Client : IGoAmzMusicClient<MusicSubmitRequest, TaskIdEnvelope, SunoTaskEnvelope>;

    public partial class TaskIdEnvelope : IGoAmzEnvelope<TaskIdResult>;

    public partial class TaskIdResult : IGoAmzTaskId;

    public partial class SunoTaskEnvelope : IGoAmzEnvelope<SunoTask>;

    public partial class MusicSubmitRequest : IGoAmzSubmitRequest<MusicSubmitInput>;

    public partial class MusicSubmitInput : IGoAmzSubmitInput;

    public partial class SunoTask : IGoAmzTask
    {
        IEnumerable<KeyValuePair<string, ISunoClip>>? IGoAmzTask.Clips => Clips?.Select(c => new KeyValuePair<string, ISunoClip>(c.Key, c.Value));

        string? IGoAmzTask.RequestedModel(JsonSerializerOptions options) =>
            string.IsNullOrWhiteSpace(Input) ? null : JsonSerializer.Deserialize(Input, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<MusicInputEcho>)options.GetTypeInfo(typeof(MusicInputEcho))) is { } echo ? echo.Mv ?? echo.Input?.Mv : null;
    }
}
