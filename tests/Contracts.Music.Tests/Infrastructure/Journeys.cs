using System.Text.Json.Nodes;

namespace Contracts.Music.Tests.Infrastructure;

/// <summary>Vendor answers for each state of a task, made from the samples by changing only what the state changes.</summary>
internal static class Journeys
{
    public static MusicWaitOptions Fast(List<MusicTask>? seen = null) => new()
    {
        PollInterval = TimeSpan.FromMilliseconds(5),
        MaxPollInterval = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(20),
        Progress = seen is null ? null : new SyncProgress<MusicTask>(seen.Add),
    };

    // GoAmz: a task's status plus each clip's status.
    public static string GoAmz(string sample, string taskStatus, string? clipStatus, bool withClips = true) => JsonAssert.Edit(sample, root =>
    {
        var data = root["data"]!;
        data["status"] = taskStatus;
        if (!withClips)
            data["clips"] = new JsonObject();
        else if (clipStatus is not null)
            foreach (var (_, clip) in data["clips"]!.AsObject())
                clip!["status"] = clipStatus;
    });

    // Task: a task's status, progress and clip list.
    public static string Task(string taskSample, string status, string progress, string? clipStatus, bool withClips = true) => JsonAssert.Edit(taskSample, root =>
    {
        var task = root["data"]!;
        task["status"] = status;
        task["progress"] = progress;
        if (!withClips)
            task["data"] = new JsonArray();
        else if (clipStatus is not null)
            foreach (var clip in task["data"]!.AsArray())
                clip!["status"] = clipStatus;
    });

    // Native: every clip in a feed with the given status (and, for error, a message).
    public static string Feed(string feedSample, string clipStatus, string? errorMessage = null) => JsonAssert.Edit(feedSample, root =>
    {
        foreach (var clip in root.AsArray())
        {
            clip!["status"] = clipStatus;
            if (errorMessage is not null)
                clip["metadata"]!["error_message"] = errorMessage;
        }
    });

    /// <summary>The task dialect's single-task envelope around one task of a fetchTasks sample.</summary>
    public static string TaskEnvelope(string listSample, int index) => JsonAssert.Edit(listSample, root => root["data"] = root["data"]![index]!.DeepClone());
}

/// <summary>Reports synchronously (Progress&lt;T&gt; posts to a sync context and would race the assertions).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
