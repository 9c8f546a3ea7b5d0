using System.Net;

namespace Contracts.Music;

/// <summary>
/// The one exception the facade throws for a failed call: an HTTP error, a vendor error envelope (also with HTTP 200),
/// an unreadable body, a network failure or a timeout. It names the vendor, dialect and operation, and keeps the task
/// id when the server returned one, so nothing already paid for is lost. The API key never appears in it.
/// </summary>
public sealed class MusicApiException : Exception
{
    /// <summary>Creates the exception; the message is composed from the details.</summary>
    public MusicApiException(MusicApiError error, Exception? innerException = null)
        : base(Compose(error), innerException)
    {
        ArgumentNullException.ThrowIfNull(error);
        Vendor = error.Vendor;
        Dialect = error.Dialect;
        Operation = error.Operation;
        Status = error.Status;
        ErrorCode = error.ErrorCode;
        VendorMessage = error.VendorMessage;
        BodyExcerpt = error.BodyExcerpt;
        TaskId = error.TaskId;
        RetryAfter = error.RetryAfter;
        Kind = error.Kind;
        OutcomeUnknown = error.OutcomeUnknown;
        Error = error;
    }

    /// <summary>The vendor profile name (or the custom vendor's name).</summary>
    public string Vendor { get; }

    /// <summary>The dialect the vendor speaks.</summary>
    public MusicDialect Dialect { get; }

    /// <summary>The spec's operationId of the failed call (for example <c>submitMusic</c>, <c>fetchTask</c>).</summary>
    public string Operation { get; }

    /// <summary>The HTTP status, or 0 when no response arrived (network failure, timeout).</summary>
    public int Status { get; }

    /// <summary>What went wrong, to branch on.</summary>
    public MusicApiErrorKind Kind { get; }

    /// <summary>The vendor's error code (GoAmz integer <c>code</c> as text, task <c>code</c> such as <c>task_not_exist</c>), when sent.</summary>
    public string? ErrorCode { get; }

    /// <summary>The vendor's error message (<c>message</c>, <c>fail_reason</c>, native <c>detail</c>), when sent.</summary>
    public string? VendorMessage { get; }

    /// <summary>The start of the response body (at most 300 characters, the API key masked), when there was one.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>The task id the server returned before the failure, if any: the task may exist and be billed.</summary>
    public string? TaskId { get; }

    /// <summary>How long the vendor asked to wait (<c>Retry-After</c>), when it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// True when a paid call (a submit of music, lyrics, concat or an upload step) was sent but no answer came back
    /// (<see cref="MusicApiErrorKind.Timeout"/> or <see cref="MusicApiErrorKind.NetworkError"/> after the request left):
    /// the vendor may have accepted and billed it without the id reaching us. Look for the task (the vendor's console,
    /// a later list) before submitting again; the facade never retries such a call.
    /// </summary>
    public bool OutcomeUnknown { get; }

    /// <summary>The details this exception was built from.</summary>
    public MusicApiError Error { get; }

    /// <summary>The HTTP status as <see cref="HttpStatusCode"/>, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode => Status == 0 ? null : (HttpStatusCode)Status;

    private static string Compose(MusicApiError e)
    {
        var what = e.Status == 0 ? e.Kind.ToString() : $"HTTP {e.Status}";
        var text = $"{e.Vendor} ({e.Dialect}) {e.Operation} failed: {what}";
        if (e.ErrorCode is not null) text += $", code {e.ErrorCode}";
        if (!string.IsNullOrWhiteSpace(e.VendorMessage)) text += $": {e.VendorMessage}";
        if (!string.IsNullOrWhiteSpace(e.Detail)) text += $". {e.Detail}";
        if (e.TaskId is not null) text += $". The server returned task id {e.TaskId}; the task may exist, check it before submitting again";
        else if (e.OutcomeUnknown) text += ". No answer arrived after the request was sent: the vendor may have accepted and billed it; look for the task before submitting again";
        if (e.RetryAfter is { } wait) text += $". Retry after {wait.TotalSeconds:0.#} s";
        if (!string.IsNullOrEmpty(e.BodyExcerpt)) text += $". Body: {e.BodyExcerpt}";
        return text;
    }
}

/// <summary>What kind of failure a <see cref="MusicApiException"/> reports.</summary>
public enum MusicApiErrorKind
{
    /// <summary>The server answered with an HTTP error status (4xx, 5xx).</summary>
    HttpError,

    /// <summary>The server answered 2xx with an error envelope (GoAmz <c>code</c> not 200, task <c>code</c> not <c>success</c>).</summary>
    VendorError,

    /// <summary>The body could not be read as the dialect's JSON (HTML page, empty, truncated, malformed, wrong shape).</summary>
    InvalidResponse,

    /// <summary>No response: connection refused, reset, DNS.</summary>
    NetworkError,

    /// <summary>An attempt took longer than <see cref="MusicRetryOptions.AttemptTimeout"/>.</summary>
    Timeout,
}

/// <summary>The details of a failed call, from which a <see cref="MusicApiException"/> is built.</summary>
public sealed record MusicApiError(string Vendor, MusicDialect Dialect, string Operation, MusicApiErrorKind Kind)
{
    /// <summary>The HTTP status, 0 when none.</summary>
    public int Status { get; init; }

    /// <summary>The vendor's error code.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The vendor's error message.</summary>
    public string? VendorMessage { get; init; }

    /// <summary>What the facade found wrong (for example the JSON reader's error), when the vendor said nothing.</summary>
    public string? Detail { get; init; }

    /// <summary>The start of the body.</summary>
    public string? BodyExcerpt { get; init; }

    /// <summary>A task id the server returned.</summary>
    public string? TaskId { get; init; }

    /// <summary>The vendor's <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A paid call was sent and no answer came back (see <see cref="MusicApiException.OutcomeUnknown"/>).</summary>
    public bool OutcomeUnknown { get; init; }
}
