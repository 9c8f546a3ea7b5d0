using Microsoft.Extensions.Logging;

namespace Contracts.Music.Diagnostics;

/// <summary>
/// The facade's log events (source-generated: no allocation when the level is off). The ids are public contract,
/// listed in README "Observability"; every text in them is masked (<see cref="Errors.SecretMask"/>) before it gets here.
/// </summary>
internal static partial class MusicLog
{
    [LoggerMessage(EventId = 1001, EventName = "Submitted", Level = LogLevel.Information,
        Message = "{Vendor} ({Dialect}) {Operation} accepted: task {TaskId}")]
    public static partial void Submitted(ILogger logger, string vendor, string dialect, string operation, string taskId);

    [LoggerMessage(EventId = 1002, EventName = "RetryScheduled", Level = LogLevel.Warning,
        Message = "{Vendor} ({Dialect}) {Operation}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void RetryScheduled(ILogger logger, string vendor, string dialect, string operation, int attempt, string reason, long delayMs);

    [LoggerMessage(EventId = 1003, EventName = "RetryAfterHonoured", Level = LogLevel.Information,
        Message = "{Vendor} ({Dialect}) {Operation}: the vendor asked to wait {RetryAfterMs} ms (Retry-After); waiting {DelayMs} ms")]
    public static partial void RetryAfterHonoured(ILogger logger, string vendor, string dialect, string operation, long retryAfterMs, long delayMs);

    [LoggerMessage(EventId = 1004, EventName = "StatusChanged", Level = LogLevel.Debug,
        Message = "{Vendor} ({Dialect}) task {TaskId} is now {Status}")]
    public static partial void StatusChanged(ILogger logger, string vendor, string dialect, string taskId, string status);

    [LoggerMessage(EventId = 1005, EventName = "DriftSeen", Level = LogLevel.Warning,
        Message = "{Vendor} ({Dialect}) {Operation}: {Path} does not match the spec ({Kind}): found {Found}, expected {Expected}. Logged once; counted in music.client.drift.")]
    public static partial void DriftSeen(ILogger logger, string vendor, string dialect, string operation, string path, MusicDriftKind kind, string found, string expected);

    [LoggerMessage(EventId = 1006, EventName = "CallFailed", Level = LogLevel.Error,
        Message = "{Vendor} ({Dialect}) {Operation} failed: {Kind}, HTTP {Status}, task {TaskId}, outcome unknown {OutcomeUnknown}: {Detail}")]
    public static partial void CallFailed(ILogger logger, string vendor, string dialect, string operation, MusicApiErrorKind kind, int status, string? taskId, bool outcomeUnknown, string detail);

    [LoggerMessage(EventId = 1007, EventName = "TaskFinished", Level = LogLevel.Information,
        Message = "{Vendor} ({Dialect}) task {TaskId} finished: {Status}")]
    public static partial void TaskFinished(ILogger logger, string vendor, string dialect, string taskId, string status);

    [LoggerMessage(EventId = 1008, EventName = "WaitTimedOut", Level = LogLevel.Warning,
        Message = "{Vendor} ({Dialect}) gave up waiting (MusicWaitOptions.Timeout); unfinished: {TaskIds}")]
    public static partial void WaitTimedOut(ILogger logger, string vendor, string dialect, string taskIds);
}
