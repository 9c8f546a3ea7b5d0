using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Contracts.Clients;
using Contracts.Emulator.Dialects;
using Contracts.Emulator.Rendering;
using Contracts.Emulator.State;
using Microsoft.Extensions.Hosting;

namespace Contracts.Emulator.Callbacks;

/// <summary>
/// Delivers task dialect callbacks: when a task submitted with a <c>notify_hook</c> reaches its final phase, the
/// task object (as <c>fetchTask</c> renders it in <c>data</c>) is POSTed once to that URL. Phases are computed from the
/// clock on read, so nothing is scheduled per task: the dispatcher looks for due callbacks after every API request
/// and on a periodic timer of the emulator's <see cref="TimeProvider"/>. Only loopback receivers over http or https
/// are ever called (the host is checked, and so is every address it resolves to); others are refused and recorded.
/// Failed attempts are retried a bounded number of times with a doubling delay; a 2xx ends the tries.
/// </summary>
internal sealed class CallbackDispatcher : IHostedService, IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly EmulatorStore _store;
    private readonly EmulatorClock _clock;
    private readonly VendorEmulatorOptions _options;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Every callback, in submission order, for <see cref="Snapshot"/>.</summary>
    private readonly ConcurrentQueue<Entry> _all = new();

    /// <summary>Callbacks whose task is not known to be final yet; removing one claims its delivery.</summary>
    private readonly ConcurrentDictionary<string, Entry> _waiting = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<Task, byte> _deliveries = new();
    private ITimer? _timer;

    public CallbackDispatcher(EmulatorStore store, EmulatorClock clock, VendorEmulatorOptions options)
    {
        _store = store;
        _clock = clock;
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler
        {
            // Straight to the receiver: no proxy from the environment, no redirect that could lead off the machine.
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectCallback = ConnectToLoopbackAsync,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own CallbackTimeout
        };
    }

    /// <summary>Notes the callback a just-submitted task owes, if it names a <c>notify_hook</c>; a hook that is not a
    /// loopback http(s) URL is refused at once, with the reason.</summary>
    /// <param name="task">The task.</param>
    /// <param name="baseUrl">The emulator's address as the submitter reached it, for the media URLs in the body.</param>
    public void Register(EmulatedTask task, string baseUrl)
    {
        if (string.IsNullOrWhiteSpace(task.NotifyHook))
        {
            return;
        }
        var entry = new Entry(task.Id, task.NotifyHook, baseUrl);
        if (CheckTarget(task.NotifyHook, out var target) is { } reason)
        {
            entry.Finish(EmulatorCallbackState.Refused, reason);
        }
        else
        {
            entry.Target = target;
            _waiting[task.Id] = entry;
        }
        _all.Enqueue(entry);
    }

    /// <summary>Starts delivering every waiting callback whose task is now final. Cheap when none is waiting.</summary>
    public void Sweep()
    {
        if (_waiting.IsEmpty || _stopping.IsCancellationRequested)
        {
            return;
        }
        foreach (var (taskId, entry) in _waiting)
        {
            var task = _store.FindTask(taskId, DialectCatalog.Task);
            if (task is null || !_clock.PhaseOf(task.CreatedAt, task.Fails).IsFinal() || !_waiting.TryRemove(taskId, out _))
            {
                continue; // not final yet, or another sweep claimed it
            }
            entry.Start();
            var delivery = DeliverAsync(entry, task);
            _deliveries[delivery] = 0;
            _ = delivery.ContinueWith(static (done, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(done, out _), _deliveries,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public IReadOnlyList<EmulatorCallback> Snapshot() => _all.Select(e => e.ToPublic()).ToArray();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var interval = _options.CallbackPollInterval;
        _timer = _options.TimeProvider.CreateTimer(static state => ((CallbackDispatcher)state!).Sweep(), this, interval, interval);
        return Task.CompletedTask;
    }

    /// <summary>Stops the timer, abandons attempts in progress (they end as failed) and waits for them to end.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_timer is { } timer)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_deliveries.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
        _http.Dispose();
    }

    private async Task DeliverAsync(Entry entry, EmulatedTask task)
    {
        // Rendered once: a final task renders the same on every read, and each attempt sends the same body.
        var render = new RenderContext(entry.BaseUrl, _clock, unknownStatus: false, extraField: false);
        var body = TaskEndpoints.Render(task, render, _store).ToJsonString(Json);
        var delay = _options.CallbackRetryDelay;
        string? failure = null;
        for (var attempt = 1; attempt <= _options.CallbackAttempts; attempt++)
        {
            if (attempt > 1)
            {
                try
                {
                    await Task.Delay(delay, _options.TimeProvider, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                delay *= 2;
            }
            entry.Attempted(attempt);
            failure = await AttemptAsync(entry.Target!, body).ConfigureAwait(false);
            if (failure is null)
            {
                entry.Finish(EmulatorCallbackState.Delivered, null);
                return;
            }
            entry.Failed(failure);
            if (_stopping.IsCancellationRequested)
            {
                break;
            }
        }
        entry.Finish(EmulatorCallbackState.Failed, _stopping.IsCancellationRequested ? $"the emulator stopped ({failure ?? "before the next attempt"})" : failure);
    }

    /// <summary>One POST; null when the receiver answered 2xx, else what went wrong.</summary>
    private async Task<string?> AttemptAsync(Uri target, string body)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(_options.CallbackTimeout);
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(target, content, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            return $"no answer within {_options.CallbackTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
        }
        catch (OperationCanceledException)
        {
            return "cancelled";
        }
        catch (HttpRequestException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>Null when <paramref name="hook"/> may be called, else why not.</summary>
    internal static string? CheckTarget(string hook, out Uri? target)
    {
        target = null;
        if (!Uri.TryCreate(hook.Trim(), UriKind.Absolute, out var uri))
        {
            return "notify_hook is not an absolute URL";
        }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"notify_hook scheme '{uri.Scheme}' is not http or https";
        }
        var host = uri.DnsSafeHost;
        var loopback = IPAddress.TryParse(host, out var address)
            ? IsLoopback(address)
            : string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);
        if (!loopback)
        {
            return $"notify_hook host '{uri.Host}' is not a loopback host (127.0.0.0/8, ::1, localhost); the emulator calls no other";
        }
        target = uri;
        return null;
    }

    private static bool IsLoopback(IPAddress address)
        => IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>Connects only to loopback addresses, whatever the host name resolves to.</summary>
    private static async ValueTask<Stream> ConnectToLoopbackAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var loopback = addresses.Where(IsLoopback).ToArray();
        if (loopback.Length == 0)
        {
            throw new HttpRequestException($"{host} resolves to no loopback address; the emulator calls no other.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(loopback, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>One callback's progress; changed under its own lock.</summary>
    private sealed class Entry(string taskId, string url, string baseUrl)
    {
        private readonly Lock _lock = new();
        private EmulatorCallbackState _state = EmulatorCallbackState.Waiting;
        private int _attempts;
        private string? _detail;

        public string TaskId { get; } = taskId;

        public string BaseUrl { get; } = baseUrl;

        public Uri? Target { get; set; }

        public void Start() => Set(EmulatorCallbackState.Sending, null);

        public void Attempted(int attempt)
        {
            lock (_lock)
            {
                _attempts = attempt;
            }
        }

        public void Failed(string detail)
        {
            lock (_lock)
            {
                _detail = detail;
            }
        }

        public void Finish(EmulatorCallbackState state, string? detail) => Set(state, detail);

        public EmulatorCallback ToPublic()
        {
            lock (_lock)
            {
                return new EmulatorCallback(TaskId, url, _state, _attempts, _detail);
            }
        }

        private void Set(EmulatorCallbackState state, string? detail)
        {
            lock (_lock)
            {
                _state = state;
                _detail = detail;
            }
        }
    }
}
