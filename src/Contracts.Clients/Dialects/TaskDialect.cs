namespace Contracts.Clients;

public static partial class DialectCatalog
{
    /// <summary>
    /// The task dialect (<c>specs/task.yaml</c>, "通用", general: the format of one-api/new-api style relays such as
    /// OpenAI-Hub): songs and lyrics are tasks with an id, read one at a time or many in one call, and the vendor can
    /// call a URL back when a task finishes. Answers are wrapped in <c>{code, message, data}</c> with a string
    /// <c>code</c>; task statuses are upper-case words.
    /// </summary>
    public static DialectDescriptor Task { get; } = new(
        name: "task",
        displayName: "task",
        clientType: typeof(TaskApi.TaskApiClient),
        defaultPathPrefix: "suno",
        operations: ["submitMusic", "submitLyrics", "fetchTask", "fetchTasks"],
        capabilities: DialectCapabilities.Continuation | DialectCapabilities.Lyrics | DialectCapabilities.BatchQuery | DialectCapabilities.Callback,
        taskStatuses: DialectDescriptor.StatusTable(
            ("NOT_START", DialectStatus.Pending),
            ("SUBMITTED", DialectStatus.Pending),
            ("QUEUED", DialectStatus.Queued),
            ("IN_PROGRESS", DialectStatus.Running),
            ("SUCCESS", DialectStatus.Succeeded),
            ("FAILURE", DialectStatus.Failed),
            ("UNKNOWN", DialectStatus.Unknown)));
}
