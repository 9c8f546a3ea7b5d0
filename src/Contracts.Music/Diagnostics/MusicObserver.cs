using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contracts.Music.Diagnostics;

/// <summary>
/// Logs, traces and metrics for one vendor (one <see cref="MusicClient"/> or the retry pipeline of its HTTP client):
/// the one place that knows the tag names and that masks the key out of everything it records.
/// </summary>
internal sealed class MusicObserver
{
    // Drift is logged once per distinct item for the life of the process; the counter counts every occurrence.
    // Bounded, so a vendor sending ever-new member names cannot grow it without end.
    private const int MaxLoggedDrift = 10_000;
    private static readonly ConcurrentDictionary<(string, string, string, string, MusicDriftKind), byte> s_driftLogged = new();


    public MusicObserver(MusicTarget target, ILoggerFactory? loggers, Errors.SecretMask secret)
    {
        Vendor = target.VendorName;
        Dialect = target.Dialect.Descriptor().Name;
        Host = target.BaseUrl.Host;
        Logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger(MusicDiagnostics.LoggerCategory);
        Secret = secret;
    }

    /// <summary>The key's mask, shared with the client's adapter (building one compiles a pattern of the key).</summary>
    public Errors.SecretMask Secret { get; }

    public string Vendor { get; }

    /// <summary>The dialect's wire name (<c>goamz-v3.5</c>), as in the CLI and the manifest.</summary>
    public string Dialect { get; }

    public string Host { get; }

    public ILogger Logger { get; }

    /// <summary>Starts the span and the clock of one facade operation (<c>submit</c>, <c>get_task</c>, <c>wait</c>, ...).</summary>
    public MusicOperation Start(string operation, string? taskId = null, int? taskCount = null)
    {
        var activity = MusicDiagnostics.Source.StartActivity("music." + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("music.vendor", Vendor);
            activity.SetTag("music.dialect", Dialect);
            activity.SetTag("music.operation", operation);
            activity.SetTag("server.address", Host);
            if (taskId is not null) activity.SetTag("music.task_id", Mask(taskId));
            if (taskCount is { } count) activity.SetTag("music.task_count", count);
        }
        return new MusicOperation(this, operation, activity);
    }

    /// <summary>One call of a spec operation ended: counted by outcome (<c>ok</c>, or the error kind).</summary>
    public void Request(string operation, string outcome) =>
        MusicDiagnostics.Requests.Add(1, Tags(operation, ("music.outcome", outcome)));

    public void Submitted(string operation, string taskId) =>
        MusicLog.Submitted(Logger, Vendor, Dialect, operation, Mask(taskId)!);

    public void Failed(MusicApiError error) =>
        MusicLog.CallFailed(Logger, Vendor, Dialect, error.Operation, error.Kind, error.Status, Mask(error.TaskId), error.OutcomeUnknown,
            // Already masked when the error was made.
            error.Detail ?? error.VendorMessage ?? error.Kind.ToString());

    public void Retry(string operation, int attempt, string reason, TimeSpan delay, TimeSpan? retryAfter)
    {
        MusicDiagnostics.Retries.Add(1, Tags(operation, ("music.retry.reason", reason)));
        if (retryAfter is { } asked)
            MusicLog.RetryAfterHonoured(Logger, Vendor, Dialect, operation, (long)asked.TotalMilliseconds, (long)delay.TotalMilliseconds);
        MusicLog.RetryScheduled(Logger, Vendor, Dialect, operation, attempt, reason, (long)delay.TotalMilliseconds);
    }

    public void Drift(string operation, MusicDrift drift)
    {
        MusicDiagnostics.Drift.Add(1, Tags(operation, ("music.drift.kind", KindTag(drift.Kind)), ("music.drift.path", drift.Member)));
        if (!Logger.IsEnabled(LogLevel.Warning))
            return;
        if (s_driftLogged.Count < MaxLoggedDrift && s_driftLogged.TryAdd((Vendor, Dialect, operation, drift.Member, drift.Kind), 0))
            MusicLog.DriftSeen(Logger, Vendor, Dialect, operation, drift.Member, drift.Kind, drift.Found, drift.Expected);
    }

    public void StatusChanged(string taskId, MusicTaskStatus status) =>
        MusicLog.StatusChanged(Logger, Vendor, Dialect, Mask(taskId)!, Mask(status.Value)!);

    /// <summary>A task seen reaching a final status: counted by status and logged.</summary>
    public void TaskFinished(MusicTask task)
    {
        MusicDiagnostics.Tasks.Add(1, new TagList { { "music.vendor", Vendor }, { "music.dialect", Dialect }, { "music.task.status", task.Status.Value } });
        MusicLog.TaskFinished(Logger, Vendor, Dialect, Mask(task.Id)!, task.Status.Value);
    }

    public void WaitTimedOut(IReadOnlyList<string> taskIds) =>
        MusicLog.WaitTimedOut(Logger, Vendor, Dialect, Mask(string.Join(", ", taskIds.Take(20)) + (taskIds.Count > 20 ? $" and {taskIds.Count - 20} more" : ""))!);

    public TagList Tags(string operation, params ReadOnlySpan<(string Key, object? Value)> extra)
    {
        var tags = new TagList { { "music.vendor", Vendor }, { "music.dialect", Dialect }, { "music.operation", operation } };
        foreach (var (key, value) in extra)
            tags.Add(key, value);
        return tags;
    }

    /// <summary>An error or drift kind as a tag value, in snake_case like OpenTelemetry's (<c>HttpError</c> is <c>http_error</c>).</summary>
    public static string KindTag<TKind>(TKind kind) where TKind : struct, Enum
    {
        var name = kind.ToString();
        var tag = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && tag.Length > 0)
                tag.Append('_');
            tag.Append(char.ToLowerInvariant(c));
        }
        return tag.ToString();
    }

    /// <summary>Vendor-issued text (a task id, a status) is masked like every other vendor text: a relay may echo the key anywhere.</summary>
    public string? Mask(string? text) => Secret.Mask(text);
}

/// <summary>One facade operation in flight: its span and its clock. Dispose records the duration.</summary>
internal sealed class MusicOperation(MusicObserver observer, string operation, Activity? activity) : IDisposable
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private string? _errorType;

    public Activity? Activity => activity;

    public void TaskId(string taskId) => activity?.SetTag("music.task_id", observer.Mask(taskId));

    /// <summary>Marks the operation failed; returns false so it can sit in an exception filter without catching.</summary>
    public bool Fail(Exception exception)
    {
        _errorType = exception switch
        {
            MusicApiException api => MusicObserver.KindTag(api.Kind),
            MusicWaitTimeoutException => "wait_timeout",
            OperationCanceledException => "canceled",
            _ => exception.GetType().FullName ?? "error",
        };
        if (exception is MusicWaitTimeoutException timeout)
            observer.WaitTimedOut(timeout.TaskIds);
        if (activity is not null)
        {
            activity.SetTag("error.type", _errorType);
            if (exception is MusicApiException { TaskId: { } id })
                activity.SetTag("music.task_id", observer.Mask(id));
            // The message is masked by construction (MusicApiException), and the others carry no vendor text.
            activity.SetStatus(ActivityStatusCode.Error, exception is MusicApiException or MusicWaitTimeoutException ? observer.Mask(exception.Message) : _errorType);
        }
        return false;
    }

    public void Dispose()
    {
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var tags = observer.Tags(operation);
        if (_errorType is not null)
            tags.Add("error.type", _errorType);
        MusicDiagnostics.Duration.Record(seconds, tags);
        if (activity is not null)
        {
            activity.SetTag("music.outcome", _errorType is null ? "ok" : "error");
            activity.Dispose();
        }
    }
}
