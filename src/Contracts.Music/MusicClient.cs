using System.Runtime.CompilerServices;
using Contracts.Music.Diagnostics;
using Contracts.Music.Dialects;
using Contracts.Music.Errors;
using Contracts.Music.Http;
using Contracts.Music.Wire;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Contracts.Music;

/// <summary>
/// The <see cref="IMusicClient"/> for one vendor: picks the dialect adapter from <see cref="MusicClientOptions"/> and
/// runs it over the dialect's generated client. Thread-safe. Use it directly (it then owns its HTTP connection; dispose
/// it) or through <see cref="DependencyInjection.MusicServiceCollectionExtensions.AddMusicClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{MusicClientOptions})"/>.
/// </summary>
public sealed class MusicClient : IMusicClient, IDisposable
{
    // Reading a saved payload needs an adapter but never sends anything.
    private static readonly HttpClient s_offline = new();
    private static readonly MusicClientOptions s_offlineOptions = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MusicDialect, DialectAdapter> s_payloadReaders = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MusicDialect, DialectAdapter> s_callbackReaders = new();

    private readonly DialectAdapter _adapter;
    private readonly MusicObserver _observer;
    private readonly HttpClient? _ownedHttp;
    private readonly int _maxConcurrentReads;
    private readonly TimeProvider _time;

    /// <summary>Creates a client that owns its HTTP connection.</summary>
    /// <param name="options">The vendor and key; checked now, so a wrong setting fails here with a message that says what to set.</param>
    /// <exception cref="ArgumentException">The options name no usable vendor or lack the key.</exception>
    public MusicClient(MusicClientOptions options)
        : this(options, TimeProvider.System, transport: null)
    {
    }

    /// <summary>Creates a client that owns its HTTP connection and writes its log events (README "Observability") to <paramref name="loggerFactory"/>.</summary>
    /// <param name="options">The vendor and key; checked now.</param>
    /// <param name="loggerFactory">Where the log events go (category <c>Contracts.Music</c>).</param>
    /// <exception cref="ArgumentException">The options name no usable vendor or lack the key.</exception>
    public MusicClient(MusicClientOptions options, ILoggerFactory loggerFactory)
        : this(options, TimeProvider.System, transport: null, loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory)))
    {
    }

    /// <summary>Creates a client over <paramref name="transport"/> (for example a test server's handler); the client owns neither.</summary>
    /// <param name="options">The vendor and key.</param>
    /// <param name="transport">The innermost handler that sends requests.</param>
    public MusicClient(MusicClientOptions options, HttpMessageHandler transport)
        : this(options, TimeProvider.System, transport ?? throw new ArgumentNullException(nameof(transport)))
    {
    }

    /// <summary>Creates a client over <paramref name="transport"/> that writes its log events to <paramref name="loggerFactory"/>; the client owns neither.</summary>
    /// <param name="options">The vendor and key.</param>
    /// <param name="transport">The innermost handler that sends requests.</param>
    /// <param name="loggerFactory">Where the log events go (category <c>Contracts.Music</c>).</param>
    public MusicClient(MusicClientOptions options, HttpMessageHandler transport, ILoggerFactory loggerFactory)
        : this(options, TimeProvider.System, transport ?? throw new ArgumentNullException(nameof(transport)), loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory)))
    {
    }

    /// <summary>
    /// Without DI: the same handlers <c>AddMusicClient</c> puts on its HTTP client, outermost first: the resilience
    /// handler (<see cref="MusicResilience"/>), then <see cref="MusicHttpHandler"/> once per attempt, then the transport.
    /// </summary>
    internal MusicClient(MusicClientOptions options, TimeProvider time, HttpMessageHandler? transport, ILoggerFactory? loggerFactory = null)
    {
        var target = MusicTarget.Resolve(options);
        _observer = new MusicObserver(target, loggerFactory, new SecretMask(options.ApiKey!));
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        MusicResilience.Configure(pipeline, options.Retry, _observer);
        var handler = new ResilienceHandler(pipeline.Build())
        {
            InnerHandler = new MusicHttpHandler(target, options.ApiKey!, time, options.MaxResponseBytes)
            {
                InnerHandler = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            },
        };
        _ownedHttp = new HttpClient(handler, disposeHandler: transport is null) { BaseAddress = target.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        _adapter = MusicDialectDescriptors.CreateAdapter(_ownedHttp, target, options.ApiKey!, options, _observer);
        _maxConcurrentReads = options.MaxConcurrentReads;
        _time = time;
    }

    /// <summary>Used by dependency injection: <paramref name="http"/> comes from IHttpClientFactory with the resilience handler and <see cref="MusicHttpHandler"/> in its pipeline.</summary>
    internal MusicClient(HttpClient http, MusicClientOptions options, TimeProvider time, ILoggerFactory? loggerFactory)
    {
        var target = MusicTarget.Resolve(options);
        _observer = new MusicObserver(target, loggerFactory, new SecretMask(options.ApiKey!));
        _adapter = MusicDialectDescriptors.CreateAdapter(http, target, options.ApiKey!, options, _observer);
        _maxConcurrentReads = options.MaxConcurrentReads;
        _time = time;
    }

    /// <inheritdoc />
    public string Vendor => _adapter.Target.VendorName;

    /// <inheritdoc />
    public MusicDialect Dialect => _adapter.Dialect;

    /// <inheritdoc />
    public MusicCapabilities Capabilities => _adapter.Capabilities;

    /// <inheritdoc />
    public Task<string> SubmitAsync(MusicRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        _adapter.CheckCallback(request);
        return PaidAsync("submit", ct => _adapter.SubmitAsync(request, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<MusicTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        CheckId(taskId);
        return ObservedAsync("get_task", taskId, null, _ => _adapter.GetTaskAsync(taskId, cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MusicTask>> GetTasksAsync(IEnumerable<string> taskIds, CancellationToken cancellationToken = default)
    {
        var ids = CheckIds(taskIds);
        if (ids.Count == 0)
            return [];
        return await ObservedAsync("get_tasks", null, ids.Count, _ => _adapter.GetTasksAsync(ids, _maxConcurrentReads, cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<MusicTask> WaitForCompletionAsync(string taskId, MusicWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckId(taskId);
        return ObservedAsync("wait", taskId, 1, async _ =>
        {
            MusicTask? last = null;
            await foreach (var snapshot in WatchAsync(taskId, options, cancellationToken).ConfigureAwait(false))
            {
                last = snapshot;
                options?.Progress?.Report(snapshot);
            }
            return last!;
        });
    }

    /// <summary>Runs one facade operation in its span, with its duration recorded and its failure tagged.</summary>
    private async Task<T> ObservedAsync<T>(string operation, string? taskId, int? taskCount, Func<MusicOperation, Task<T>> run)
    {
        using var observed = _observer.Start(operation, taskId, taskCount);
        try
        {
            return await run(observed).ConfigureAwait(false);
        }
        catch (Exception exception) when (observed.Fail(exception))
        {
            // Never reached: Fail tags the span and returns false, so the exception leaves untouched.
            throw;
        }
    }

    /// <summary>A call that creates paid work: observed, and its task id logged the moment the vendor gives it.</summary>
    private Task<string> PaidAsync(string operation, Func<CancellationToken, Task<string>> submit, CancellationToken cancellationToken) =>
        ObservedAsync(operation, null, null, async observed =>
        {
            var id = await submit(cancellationToken).ConfigureAwait(false);
            observed.TaskId(id);
            _observer.Submitted(operation, id);
            return id;
        });

    /// <summary>Logs each task's status changes and counts each task that reaches a final status, once per wait.</summary>
    private sealed class StatusTracker(MusicObserver observer)
    {
        private readonly Dictionary<string, MusicTaskStatus> _last = new(StringComparer.Ordinal);

        public MusicTask Seen(MusicTask task)
        {
            lock (_last)
            {
                if (_last.TryGetValue(task.Id, out var previous) && previous == task.Status)
                    return task;
                _last[task.Id] = task.Status;
            }
            observer.StatusChanged(task.Id, task.Status);
            if (task.IsCompleted)
                observer.TaskFinished(task);
            return task;
        }

        public IReadOnlyList<MusicTask> Seen(IReadOnlyList<MusicTask> round)
        {
            foreach (var task in round)
                Seen(task);
            return round;
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<MusicTask> WatchAsync(string taskId, MusicWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckId(taskId);
        var tracker = new StatusTracker(_observer);
        return Polling.PollAsync(
            async ct => tracker.Seen(await _adapter.GetTaskAsync(taskId, ct).ConfigureAwait(false)),
            task => task.IsCompleted,
            Fingerprint,
            // The status is the vendor's text: masked like every other vendor text that reaches a message.
            latest => $"{Vendor} ({Dialect}) task {taskId} is still {_adapter.Mask(latest?.Status.Value) ?? "unread"}",
            _ => [taskId],
            options ?? new MusicWaitOptions(),
            _time,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MusicTask>> WaitForCompletionAsync(IEnumerable<string> taskIds, MusicWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var ids = CheckIds(taskIds);
        return ObservedAsync<IReadOnlyList<MusicTask>>("wait", null, ids.Count, async _ =>
        {
            var latest = new Dictionary<string, MusicTask>(StringComparer.Ordinal);
            await foreach (var snapshot in WatchAsync(ids, options, cancellationToken).ConfigureAwait(false))
            {
                latest[snapshot.Id] = snapshot;
                options?.Progress?.Report(snapshot);
            }
            return [.. ids.Select(id => latest[id])];
        });
    }

    /// <inheritdoc />
    public IAsyncEnumerable<MusicTask> WatchAsync(IEnumerable<string> taskIds, MusicWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var ids = CheckIds(taskIds).Distinct(StringComparer.Ordinal).ToList();
        return ids.Count == 0 ? AsyncEnumerable.Empty<MusicTask>() : WatchManyAsync(ids, options ?? new MusicWaitOptions(), cancellationToken);
    }

    private async IAsyncEnumerable<MusicTask> WatchManyAsync(List<string> ids, MusicWaitOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, MusicTask>(StringComparer.Ordinal);
        var prints = new Dictionary<string, string>(StringComparer.Ordinal);
        var tracker = new StatusTracker(_observer);
        await foreach (var round in Polling.PollAsync(
            // Each round reads only what can still change: one batched read per round where the dialect has one.
            async ct => tracker.Seen(await _adapter.GetTasksAsync([.. ids.Where(id => !(latest.TryGetValue(id, out var task) && task.IsCompleted))], _maxConcurrentReads, ct).ConfigureAwait(false)),
            round => round.All(task => task.IsCompleted),
            round => string.Join('\n', round.Select(Fingerprint)),
            round => Unfinished(ids, round),
            round => round is null ? ids : [.. round.Where(t => !t.IsCompleted).Select(t => t.Id)],
            options,
            _time,
            cancellationToken).ConfigureAwait(false))
        {
            foreach (var task in round)
            {
                var print = Fingerprint(task);
                if (prints.TryGetValue(task.Id, out var previous) && previous == print)
                    continue;
                prints[task.Id] = print;
                latest[task.Id] = task;
                yield return task;
            }
        }
    }

    private string Unfinished(List<string> ids, IReadOnlyList<MusicTask>? round)
    {
        var pending = round?.Where(t => !t.IsCompleted).Select(t => $"{t.Id} ({_adapter.Mask(t.Status.Value)})").ToList() ?? [.. ids];
        var shown = string.Join(", ", pending.Take(5)) + (pending.Count > 5 ? $" and {pending.Count - 5} more" : "");
        return $"{Vendor} ({Dialect}): {pending.Count} of {ids.Count} task(s) unfinished: {shown}";
    }

    private static List<string> CheckIds(IEnumerable<string> taskIds)
    {
        ArgumentNullException.ThrowIfNull(taskIds);
        var ids = taskIds.ToList();
        foreach (var id in ids)
            CheckId(id, nameof(taskIds));
        return ids;
    }

    /// <summary>
    /// Ids are opaque, but one goes into a URL path: "." or ".." (or a native clip id that is one) would be read as a
    /// path step and move the request off its operation's path, so they are refused. Everything else is escaped.
    /// </summary>
    private static void CheckId(string id, [CallerArgumentExpression(nameof(id))] string? parameter = null)
    {
        if (string.IsNullOrWhiteSpace(id))
            throw new ArgumentException("An id is null, empty or blank.", parameter);
        foreach (var part in id.Split(','))
        {
            if (part.Trim() is "." or "..")
                throw new ArgumentException($"'{id}' is not an id: '.' and '..' would be read as path steps, not as an id.", parameter);
        }
    }

    /// <inheritdoc />
    public Task<MusicLyrics> GenerateLyricsAsync(string prompt, MusicWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        return ObservedAsync("generate_lyrics", null, null, observed => GenerateLyricsCoreAsync(prompt, options, observed, cancellationToken));
    }

    private async Task<MusicLyrics> GenerateLyricsCoreAsync(string prompt, MusicWaitOptions? options, MusicOperation observed, CancellationToken cancellationToken)
    {
        var taskId = await _adapter.SubmitLyricsAsync(prompt, cancellationToken).ConfigureAwait(false);
        observed.TaskId(taskId);
        _observer.Submitted("generate_lyrics", taskId);
        MusicLyrics? last = null;
        // From here the lyrics task exists and is paid for: whatever ends the wait carries its id.
        await KeepingIdAsync(taskId, "lyrics task", async () =>
        {
            await foreach (var snapshot in Polling.PollAsync(
                ct => _adapter.GetLyricsAsync(taskId, ct),
                lyrics => lyrics.Status.IsTerminal,
                lyrics => $"{lyrics.Status}|{lyrics.Text?.Length}",
                latest => $"{Vendor} ({Dialect}) lyrics task {taskId} is still {_adapter.Mask(latest?.Status.Value) ?? "unread"}",
                _ => [taskId],
                options ?? new MusicWaitOptions(),
                _time,
                cancellationToken).ConfigureAwait(false))
            {
                last = snapshot;
            }
        }, cancellationToken).ConfigureAwait(false);
        return last!;
    }

    /// <inheritdoc />
    public Task<string> ConcatAsync(string clipId, CancellationToken cancellationToken = default)
    {
        CheckId(clipId);
        return PaidAsync("concat", ct => _adapter.ConcatAsync(clipId, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> UploadAsync(Uri audioUrl, MusicWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioUrl);
        if (!audioUrl.IsAbsoluteUri)
            throw new ArgumentException("The audio URL must be absolute: the vendor downloads it.", nameof(audioUrl));
        return ObservedAsync("upload", null, null, observed => UploadCoreAsync(audioUrl, options, observed, cancellationToken));
    }

    private async Task<string> UploadCoreAsync(Uri audioUrl, MusicWaitOptions? options, MusicOperation observed, CancellationToken cancellationToken)
    {
        var uploadId = await _adapter.StartUploadAsync(audioUrl, cancellationToken).ConfigureAwait(false);
        observed.TaskId(uploadId);
        _observer.Submitted("upload", uploadId);
        (MusicTaskStatus Status, string? VendorStatus, string? Error) last = default;
        // From here the upload exists: whatever ends the steps that follow carries its id.
        return await KeepingIdAsync(uploadId, "upload", async () =>
        {
            await foreach (var state in Polling.PollAsync(
                ct => _adapter.GetUploadStatusAsync(uploadId, ct),
                s => s.Status.IsTerminal,
                s => s.VendorStatus ?? string.Empty,
                latest => $"{Vendor} ({Dialect}) upload {uploadId} is still {_adapter.Mask(latest.VendorStatus) ?? "unread"}",
                _ => [uploadId],
                options ?? new MusicWaitOptions(),
                _time,
                cancellationToken).ConfigureAwait(false))
            {
                last = state;
            }
            if (last.Status == MusicTaskStatus.Failed)
                throw _adapter.UploadFailed(uploadId, last.VendorStatus, last.Error);
            return await _adapter.FinishUploadAsync(uploadId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the steps after a paid call so that a failure or cancellation of any of them keeps the id it created.</summary>
    private static async Task KeepingIdAsync(string id, string what, Func<Task> steps, CancellationToken cancellationToken) =>
        await KeepingIdAsync(id, what, async () => { await steps().ConfigureAwait(false); return true; }, cancellationToken).ConfigureAwait(false);

    private static async Task<T> KeepingIdAsync<T>(string id, string what, Func<Task<T>> steps, CancellationToken cancellationToken)
    {
        try
        {
            return await steps().ConfigureAwait(false);
        }
        catch (MusicApiException error) when (error.TaskId is null)
        {
            throw new MusicApiException(error.Error with { TaskId = id }, error);
        }
        catch (OperationCanceledException canceled) when (canceled is not MusicWaitCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new MusicWaitCanceledException($"The wait for {what} {id} was cancelled; it exists at the vendor and is paid for: read it later with its id.", id, canceled, cancellationToken);
        }
    }

    /// <summary>Normalizes a saved vendor payload (a task, a task list, a feed, lyrics, a submit answer) without any HTTP call.</summary>
    /// <param name="dialect">The dialect the payload is in.</param>
    /// <param name="json">The payload.</param>
    /// <returns>The tasks it describes (empty when it describes none).</returns>
    /// <exception cref="MusicApiException">The payload is the dialect's error envelope (operation <c>inspect</c>).</exception>
    /// <exception cref="System.Text.Json.JsonException">The payload is not JSON.</exception>
    /// <remarks>The payload is read once, into the dialect's generated types, as an answer over HTTP is; <see cref="MusicTask.Raw"/> is parsed only when read.</remarks>
    public static IReadOnlyList<MusicTask> ReadPayload(MusicDialect dialect, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var adapter = Offline(s_payloadReaders, "payload", dialect);
        return RawJson.Read(json, adapter.ReadPayload);
    }

    /// <summary>
    /// Normalizes the body a vendor POSTed to the callback URL given at submit (the task dialect's <c>notify_hook</c>;
    /// the spec declares it as the submit operation's <c>callbacks</c>, body <c>TaskCallback</c>): the same
    /// <see cref="MusicTask"/> that <see cref="GetTaskAsync"/> returns, without any HTTP call. Use it in the endpoint
    /// that receives callbacks, instead of polling.
    /// </summary>
    /// <param name="dialect">The dialect of the vendor that posted the body.</param>
    /// <param name="json">The request body as received.</param>
    /// <returns>The task the callback describes.</returns>
    /// <exception cref="NotSupportedException">The dialect has no callbacks (<see cref="MusicCapabilities.Callback"/>).</exception>
    /// <exception cref="MusicApiException">The body is not the dialect's callback body (operation <c>callback</c>).</exception>
    /// <exception cref="System.Text.Json.JsonException">The body is not JSON.</exception>
    public static MusicTask ReadCallback(MusicDialect dialect, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var adapter = Offline(s_callbackReaders, "callback", dialect);
        return RawJson.Read(json, adapter.ReadCallback);
    }

    /// <summary>An adapter that never sends anything, for reading saved bodies; adapters are stateless, so one per dialect serves every call.</summary>
    private static DialectAdapter Offline(System.Collections.Concurrent.ConcurrentDictionary<MusicDialect, DialectAdapter> cache, string name, MusicDialect dialect) =>
        cache.GetOrAdd(dialect, d => MusicDialectDescriptors.CreateAdapter(s_offline, new MusicTarget(name, d, new Uri("http://localhost/"), MusicVendor.DefaultPathPrefix(d)), apiKey: string.Empty, s_offlineOptions, observer: null));

    /// <summary>Disposes the HTTP connection when this client owns it.</summary>
    public void Dispose() => _ownedHttp?.Dispose();

    /// <summary>Describes the client without the key.</summary>
    public override string ToString() => $"MusicClient {{ Vendor = {Vendor}, Dialect = {Dialect}, BaseUrl = {_adapter.Target.BaseUrl} }}";

    /// <summary>What counts as "changed" between two snapshots: status, progress, and each clip's status and audio URL.</summary>
    private static string Fingerprint(MusicTask task) =>
        $"{task.VendorStatus}|{task.ProgressPercent}|{string.Join(';', task.Clips.Select(c => $"{c.Id}:{c.VendorStatus}:{c.AudioUrl}"))}";
}
