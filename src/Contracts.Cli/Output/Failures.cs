using Contracts.Cli.Target;
using Contracts.Music;

namespace Contracts.Cli.Output;

/// <summary>Turns any failure of a command into one clear message (what, where, what to do) and an exit code.</summary>
internal static class Failures
{
    /// <summary>Runs <paramref name="command"/> of a command that creates tasks (generate, lyrics, concat); a failure
    /// becomes its message, with how to read a task id that outlives it (see <see cref="TaskFollowUp"/>).</summary>
    public static Task<int> RunAsync(TextWriter error, bool verbose, TaskFollowUp followUp, Func<TaskFollowUp, Task<int>> command) =>
        RunAsync(error, verbose, () => command(followUp), followUp);

    /// <summary>Runs <paramref name="command"/>; a failure becomes its message on <paramref name="error"/> and an exit code.</summary>
    /// <param name="error">Where the message goes.</param>
    /// <param name="verbose">Also print the exception with its stack trace.</param>
    /// <param name="command">The command's work.</param>
    /// <param name="followUp">For commands that create tasks (generate, lyrics, concat): how to read a task id that
    /// outlives the failure, to print with it. Null for the others.</param>
    public static async Task<int> RunAsync(TextWriter error, bool verbose, Func<Task<int>> command, TaskFollowUp? followUp = null)
    {
        try
        {
            return await command();
        }
        catch (MusicWaitCanceledException canceled) when (followUp is not null)
        {
            // Interrupted after a paid call: the id must not be lost. The cancellation itself goes on up (exit 130/143).
            if (Interrupted(canceled.TaskId, followUp) is { } line)
                await error.WriteLineAsync(line);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var (message, code) = Describe(exception, followUp);
            await error.WriteLineAsync(message);
            if (verbose)
                await error.WriteLineAsync(exception.ToString());
            return code;
        }
    }

    /// <summary>The line for a task left running by an interruption (Ctrl+C, SIGTERM).</summary>
    public static string? Interrupted(string taskId, TaskFollowUp followUp) => followUp.IsEmbedded
        ? $"interrupted: task {taskId} stays in the embedded emulator's state file and moves on without it; {ReadItLater(taskId, followUp, followUp.Dialect)}"
        : $"interrupted: task {taskId} was already submitted and goes on at the vendor (it is paid for); {ReadItLater(taskId, followUp, followUp.Dialect)}";

    /// <summary>The message and exit code of a failure.</summary>
    internal static (string Message, int Code) Describe(Exception exception, TaskFollowUp? followUp = null) => exception switch
    {
        CliUsageException usage => ($"error: {usage.Message}", ExitCodes.UsageOrInput),
        Contracts.Emulator.EmulatorStateException state => ($"error: {state.Message}\nwhat to do: run 'contracts emulate --reset --state {(state.StatePath.Contains(' ', StringComparison.Ordinal) ? "\"" + state.StatePath + "\"" : state.StatePath)}' to clear it (every earlier emulator task and clip is forgotten), or pass another --state file.", ExitCodes.UsageOrInput),
        MusicApiException api => (ApiFailure(api, followUp), ExitCodes.Failed),
        NotSupportedException unsupported => ($"error: {unsupported.Message}", ExitCodes.UsageOrInput),
        MusicWaitTimeoutException wait => (WaitTimeout(wait, followUp), ExitCodes.Failed),
        TimeoutException timeout => ($"error: {timeout.Message}", ExitCodes.Failed),
        FileNotFoundException missing => ($"error: file not found: {missing.FileName}", ExitCodes.UsageOrInput),
        System.Text.Json.JsonException json => ($"error: the file is not JSON: {json.Message}", ExitCodes.UsageOrInput),
        ArgumentException argument => ($"error: {argument.Message}", ExitCodes.UsageOrInput),
        IOException io => ($"error: {io.Message}", ExitCodes.Failed),
        _ => ($"error: {exception.GetType().Name}: {exception.Message} (run with --verbose for details)", ExitCodes.Failed),
    };

    private static string ApiFailure(MusicApiException api, TaskFollowUp? followUp)
    {
        var message = $"error: {api.Message}\nwhat to do: {Advice(api, taskLine: followUp is not null)}";
        if (api.TaskId is { } id && followUp is not null)
            message += $"\ntask: {id} (the vendor returned it before the failure); {ReadItLater(id, followUp, api.Dialect)}";
        return message;
    }

    private static string Advice(MusicApiException e, bool taskLine) => e switch
    {
        // First: a paid call whose answer never came may have been accepted and billed. Running the command again at
        // once could pay twice, so nothing here may read as "try again".
        { OutcomeUnknown: true, TaskId: null } =>
            "do not simply run the command again: the request was sent but no answer came back, so the vendor may have accepted it and billed it. "
            + $"Look for the task first (the vendor's console or task list for {e.Vendor}); run the command again only if it is not there.",
        { Status: 401 or 403 } => $"check the API key (--api-key or {TargetOptions.ApiKeyVariable}) and that it is valid for {e.Vendor}.",
        { Status: 404 } => "check the id: it must come from this vendor, and tasks expire.",
        { Status: 429 } => $"the vendor is rate-limiting; wait{(e.RetryAfter is { } w ? $" {w.TotalSeconds:0} s" : "")} and try again.",
        { TaskId: not null } => taskLine
            ? "the task may exist and be billed: check it (below) before running the command again (a submit costs credits)."
            : $"the vendor returned task {e.TaskId}: it may exist and be billed; check it before submitting again (a submit costs credits).",
        { Kind: MusicApiErrorKind.NetworkError } => "check --base-url and the network; the vendor did not answer.",
        { Kind: MusicApiErrorKind.Timeout } => "the vendor is slow; try again later.",
        { Kind: MusicApiErrorKind.InvalidResponse } => "the vendor answered with something that is not its documented JSON; check --dialect, or try again later.",
        _ => "try again later; if it persists, the vendor's status page or support may know more.",
    };

    private static string WaitTimeout(MusicWaitTimeoutException wait, TaskFollowUp? followUp)
    {
        var message = $"error: {wait.Message}";
        if (followUp is null || wait.TaskIds.Count == 0)
            return message;
        if (followUp.IsEmbedded)
        {
            message += "\nwhat to do: give it more time with --timeout (or a smaller --emulator-step); the task stays in the emulator's state file.";
            foreach (var id in wait.TaskIds)
                message += $"\ntask: {id} (not finished yet); {ReadItLater(id, followUp, followUp.Dialect)}";
            return message;
        }
        message += "\nwhat to do: the task goes on at the vendor and is paid for: do not submit it again; read it later (below), and give it more time with --timeout next time.";
        foreach (var id in wait.TaskIds)
            message += $"\ntask: {id} (not finished yet); {ReadItLater(id, followUp, followUp.Dialect)}";
        return message;
    }

    private static string ReadItLater(string taskId, TaskFollowUp followUp, MusicDialect? dialect) => followUp.FetchCommand(taskId, dialect) is { } fetch
        ? $"read it with: {fetch}"
        : followUp.IsEmbedded
            ? "the embedded emulator reads lyrics by id only in the task dialect."
            : "look for it in the vendor's console (this tool reads lyrics by id only in the task dialect).";
}
