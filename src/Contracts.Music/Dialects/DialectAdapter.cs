using System.Text.Json;
using Contracts.Music.Diagnostics;
using Contracts.Music.Errors;
using Contracts.Music.Http;
using Contracts.Music.Wire;
using Polly.Timeout;

namespace Contracts.Music.Dialects;

/// <summary>
/// One dialect behind the facade: maps <see cref="MusicRequest"/> to the generated client's request, and the
/// generated client's answers (plus the raw JSON) to the normalized models. Everything that differs between
/// dialects lives in the subclasses; this base holds what they share: making a call and turning every failure into
/// a <see cref="MusicApiException"/>.
/// </summary>
internal abstract class DialectAdapter
{
    private const int ExcerptLength = 300;
    private readonly SecretMask _secret;
    private readonly MusicObserver? _observer;

    protected DialectAdapter(MusicTarget target, string apiKey, MusicObserver? observer)
    {
        Target = target;
        _secret = observer?.Secret ?? new SecretMask(apiKey);
        _observer = observer;
    }

    public MusicTarget Target { get; }

    public MusicDialect Dialect => Target.Dialect;

    public MusicCapabilities Capabilities => MusicCapabilities.For(Dialect);

    public abstract Task<string> SubmitAsync(MusicRequest request, CancellationToken cancellationToken);

    public abstract Task<MusicTask> GetTaskAsync(string taskId, CancellationToken cancellationToken);

    // Unsupported operations fail through the returned task, like every other failure, not at the call.

    /// <summary>Reads many tasks; dialects with a batch query override this with one call.</summary>
    public virtual async Task<IReadOnlyList<MusicTask>> GetTasksAsync(IReadOnlyList<string> taskIds, int maxConcurrency, CancellationToken cancellationToken)
    {
        var results = new MusicTask[taskIds.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, taskIds.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrency), CancellationToken = cancellationToken },
            async (index, token) => results[index] = await GetTaskAsync(taskIds[index], token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    public virtual Task<string> SubmitLyricsAsync(string prompt, CancellationToken cancellationToken) => Task.FromException<string>(Unsupported("lyrics generation", nameof(MusicCapabilities.Lyrics), c => c.Lyrics));

    public virtual Task<MusicLyrics> GetLyricsAsync(string taskId, CancellationToken cancellationToken) => Task.FromException<MusicLyrics>(Unsupported("lyrics generation", nameof(MusicCapabilities.Lyrics), c => c.Lyrics));

    public virtual Task<string> ConcatAsync(string clipId, CancellationToken cancellationToken) => Task.FromException<string>(Unsupported("concat", nameof(MusicCapabilities.Concat), c => c.Concat));

    public virtual Task<string> StartUploadAsync(Uri audioUrl, CancellationToken cancellationToken) => Task.FromException<string>(Unsupported("upload", nameof(MusicCapabilities.Upload), c => c.Upload));

    public virtual Task<(MusicTaskStatus Status, string? VendorStatus, string? Error)> GetUploadStatusAsync(string uploadId, CancellationToken cancellationToken) =>
        Task.FromException<(MusicTaskStatus, string?, string?)>(Unsupported("upload", nameof(MusicCapabilities.Upload), c => c.Upload));

    public virtual Task<string> FinishUploadAsync(string uploadId, CancellationToken cancellationToken) => Task.FromException<string>(Unsupported("upload", nameof(MusicCapabilities.Upload), c => c.Upload));

    /// <summary>Normalizes any saved payload of this dialect (a task, a list, clips, lyrics, a submit answer) without HTTP.</summary>
    public abstract IReadOnlyList<MusicTask> ReadPayload(RawJson raw);

    /// <summary>Normalizes the body the vendor posted to the caller's callback URL (where the dialect has callbacks).</summary>
    public virtual MusicTask ReadCallback(RawJson raw) => throw Unsupported("callbacks", nameof(MusicCapabilities.Callback), c => c.Callback);

    /// <summary>Reads the dialect's error envelope: (code, message).</summary>
    protected abstract (string? Code, string? Message) ReadErrorEnvelope(JsonElement body);

    /// <summary>Finds a task id in a body the facade could not otherwise use, so a paid submission is never lost.</summary>
    protected abstract string? FindTaskId(JsonElement body);

    /// <summary>Refuses a callback URL where the dialect has no callbacks, before anything is sent.</summary>
    public void CheckCallback(MusicRequest request)
    {
        if (request.CallbackUrl is not null && !MusicCapabilities.For(Dialect).Callback)
            throw Unsupported("callbacks (MusicRequest.CallbackUrl)", nameof(MusicCapabilities.Callback), c => c.Callback);
    }

    protected NotSupportedException Unsupported(string what, string capability, Func<MusicCapabilities, bool> has)
    {
        var alternatives = Enum.GetValues<MusicDialect>().Where(d => d != Dialect && has(MusicCapabilities.For(d))).Select(d => d.ToString());
        return new NotSupportedException(
            $"Vendor '{Target.VendorName}' speaks the {Dialect} dialect, which has no {what} (MusicCapabilities.{capability} is false). " +
            $"Dialects that have it: {string.Join(", ", alternatives)}.");
    }

    /// <summary>
    /// Runs one generated-client call as <paramref name="operation"/> and returns its typed answer, read tolerantly,
    /// with the bytes it was read from and the drift met. <paramref name="send"/> makes the call with a generated client
    /// built for it alone, whose requests carry the call (<see cref="MusicCall.Attach"/>). Every failure other than
    /// the caller's own cancellation leaves as <see cref="MusicApiException"/>.
    /// </summary>
    protected async Task<Answer<T>> CallCoreAsync<T>(string operation, bool isRead, Func<Action<HttpRequestMessage>, CancellationToken, Task<T>> send, CancellationToken cancellationToken)
        where T : class
    {
        var call = new MusicCall(operation, isRead, _secret, _observer);
        T? value;
        try
        {
            // The generated client reads the answer inside this scope: members the spec does not declare are drift.
            using (call.Drift.Collect())
                value = await send(call.Attach, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _observer?.Request(operation, "canceled");
            throw;
        }
        catch (Exception exception) when (exception is not MusicApiException and not ArgumentException)
        {
            // A 2xx answer the first pass could not read: read its bytes again, tolerating drift, before giving up on it.
            if (!TryReadDrifted(call, exception, out value))
            {
                var failure = Translate(call, exception);
                _observer?.Request(operation, MusicObserver.KindTag(failure.Kind));
                throw failure;
            }
        }

        if (value is null || call.Body is null)
        {
            _observer?.Request(operation, MusicObserver.KindTag(MusicApiErrorKind.InvalidResponse));
            throw Failure(call, MusicApiErrorKind.InvalidResponse, "the body is empty or not JSON", outcomeUnknown: !call.IsRead);
        }
        _observer?.Request(operation, "ok");
        return new Answer<T>(operation, value, call.Body, call.Drift);
    }

    /// <summary>Reads a saved payload as <typeparamref name="T"/> with the same two-pass reading as an answer over HTTP.</summary>
    protected Answer<T>? Read<T>(string operation, RawJson raw) where T : class
    {
        // A read with no HTTP call is still a call to the converters: its drift goes to this call's log.
        var call = new MusicCall(operation, isRead: true, _secret, _observer);
        T? value;
        using (call.Drift.Collect())
            value = TolerantJson.Deserialize<T>(JsonShape.WithoutBom(raw.Utf8.Span));
        return value is null ? null : new Answer<T>(operation, value, raw, call.Drift);
    }

    private static bool TryReadDrifted<T>(MusicCall call, Exception exception, out T? value) where T : class
    {
        value = null;
        if (call.Status is < 200 or >= 300 || call.Body is null || exception.InnerException is not JsonException)
            return false;
        try
        {
            // A copy, with member names that hold escaped lone surrogates repaired (the buffer stays the vendor's bytes for Raw).
            var body = JsonShape.WithoutBom(call.Body.Utf8.Span).ToArray();
            JsonShape.RepairEscapedNames(body);
            using (call.Drift.Collect())
                value = TolerantJson.DeserializeDrifted<T>(body);
            return value is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>An upload the vendor marked failed, as the one exception type (its message masked like every vendor text).</summary>
    public MusicApiException UploadFailed(string uploadId, string? vendorStatus, string? vendorError) => new(new MusicApiError(Target.VendorName, Dialect, "getUpload", MusicApiErrorKind.VendorError)
    {
        Status = 200,
        VendorMessage = Mask(vendorError),
        Detail = $"upload {uploadId} ended in status {Mask(vendorStatus)}",
        TaskId = uploadId,
    });

    /// <summary>A saved submit answer: the task it created, not started yet.</summary>
    protected MusicTask Submitted(string? taskId, DriftLog drift, RawJson raw) => string.IsNullOrEmpty(taskId)
        ? throw VendorError("inspect", raw, "the answer has no task id")
        : new MusicTask { Id = taskId, Dialect = Dialect, Status = MusicTaskStatus.Pending, LocateRaw = () => RawJson.Member(raw.Root, "data"), Drift = drift.Items };

    /// <summary>A saved payload that is JSON but no answer of this dialect; one that is not JSON throws its <see cref="JsonException"/> here.</summary>
    protected MusicApiException NotAnAnswer(RawJson raw)
    {
        // The error path only: parse again to say exactly where the text stops being JSON.
        using (JsonDocument.Parse(raw.Utf8, new JsonDocumentOptions { MaxDepth = 256 }))
        {
        }
        return VendorError("inspect", raw, $"the payload is not a {Dialect} answer");
    }

    /// <summary>A failure found after a call succeeded at HTTP level: an error envelope with 2xx, ids missing from a batch answer.</summary>
    protected MusicApiException VendorError(string operation, RawJson body, string? detail = null, string? taskId = null)
    {
        var (code, message) = ReadErrorEnvelope(body.Root);
        return Failure(new MusicCall(operation, isRead: false, _secret, _observer) { Status = 200, Body = body }, MusicApiErrorKind.VendorError, detail, code, message, taskId);
    }

    private MusicApiException Translate(MusicCall call, Exception exception)
    {
        switch (exception)
        {
            case KeyInUrlException refused:
                // Refused before it was sent: nothing reached the vendor, so a paid call did not happen.
                return Failure(call, MusicApiErrorKind.InvalidResponse, refused.Message);
            case ResponseTooLargeException tooLarge:
                // The vendor answered, so a paid call reached it; what it answered is not known.
                return Failure(call, MusicApiErrorKind.InvalidResponse, tooLarge.Message, outcomeUnknown: !call.IsRead);
            case TimeoutRejectedException:
                return Failure(call, MusicApiErrorKind.Timeout, $"no answer within the attempt timeout after {call.Attempts} attempt(s)", inner: exception,
                    outcomeUnknown: !call.IsRead);
            case HttpRequestException or IOException when call.Status == 0:
                return Failure(call, MusicApiErrorKind.NetworkError, $"{exception.Message} ({call.Attempts} attempt(s))", inner: exception,
                    outcomeUnknown: !call.IsRead && !NeverSent(exception));
        }

        // The error path: the generated client's typed error (if any) is per status and per dialect; reading the
        // envelope from the bytes here is one place for all of them.
        JsonElement? body = call.Body?.Root is { ValueKind: not JsonValueKind.Undefined } root ? root : null;
        var (code, message) = body is { } json ? ReadErrorEnvelope(json) : (null, null);
        if (call.Status is >= 200 and < 300)
        {
            // 2xx that the generated client could not read: an error envelope when it says what went wrong, otherwise
            // an answer without the dialect's shape; either way keep whatever task id is in it.
            if (body is { } envelope && (code is not null || message is not null))
                return Failure(call, MusicApiErrorKind.VendorError, null, code, message, FindTaskId(envelope), exception);
            var reason = exception.InnerException is JsonException parseError ? parseError.Message : exception.Message;
            // A paid call answered with something unreadable may still have created the task.
            return Failure(call, MusicApiErrorKind.InvalidResponse, body is null ? $"the body is empty or not JSON ({reason})" : $"the body does not have the {Dialect} shape ({reason})",
                code, message, body is { } raw ? FindTaskId(raw) : null, exception, outcomeUnknown: !call.IsRead);
        }

        var detail = body is null && !string.IsNullOrWhiteSpace(call.BodyText) ? "the error body is not JSON" : null;
        return Failure(call, MusicApiErrorKind.HttpError, detail, code, message, body is { } errorBody ? FindTaskId(errorBody) : null, exception);
    }

    /// <summary>A connection that never opened: the request did not leave, so a paid call did not happen.</summary>
    private static bool NeverSent(Exception exception) => exception is HttpRequestException
    {
        HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError,
    };

    private MusicApiException Failure(MusicCall call, MusicApiErrorKind kind, string? detail = null, string? code = null, string? message = null,
        string? taskId = null, Exception? inner = null, bool outcomeUnknown = false)
    {
        var body = call.BodyText;
        var error = new MusicApiError(Target.VendorName, Dialect, call.Operation, kind)
        {
            Status = call.Status,
            ErrorCode = Mask(code),
            VendorMessage = Mask(message),
            Detail = Mask(detail),
            // Masked before it is cut, so a key across the cut cannot leave half of itself.
            BodyExcerpt = Excerpt(Mask(body)),
            // Not masked: an id the vendor issued is what the caller needs verbatim to find the task again.
            TaskId = taskId,
            RetryAfter = call.RetryAfter,
            OutcomeUnknown = outcomeUnknown && taskId is null,
        };
        // The inner exception is the generated client's or the network's; its message can carry the body (or a URL),
        // so it is not kept when it holds the key in any form.
        var safeInner = inner is not null && _secret.Appears(inner.ToString()) ? null : inner;
        _observer?.Failed(error);
        return new MusicApiException(error, safeInner);
    }

    private static string? Excerpt(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        var text = string.Join(' ', body.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength] + "…";
    }

    /// <summary>Vendors sometimes echo the key they rejected, plain or JSON-escaped; it never leaves in a message.</summary>
    public string? Mask(string? text) => _secret.Mask(text);
}

/// <summary>
/// A dialect adapter over its generated client type: each call gets a client instance of its own (cheap: the
/// serializer options are shared), made by <c>clients</c> with the hook that attaches the call to its requests.
/// </summary>
internal abstract class DialectAdapter<TClient>(Func<Action<HttpRequestMessage>, TClient> clients, MusicTarget target, string apiKey, MusicObserver? observer)
    : DialectAdapter(target, apiKey, observer)
{
    /// <summary>Runs <paramref name="send"/> on a client of its own as <paramref name="operation"/>; see <see cref="DialectAdapter.CallCoreAsync{T}"/>.</summary>
    protected Task<Answer<T>> CallAsync<T>(string operation, bool isRead, Func<TClient, CancellationToken, Task<T>> send, CancellationToken cancellationToken)
        where T : class =>
        CallCoreAsync(operation, isRead, (prepare, ct) => send(clients(prepare), ct), cancellationToken);
}
