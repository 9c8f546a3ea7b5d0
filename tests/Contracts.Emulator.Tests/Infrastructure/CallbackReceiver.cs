using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Contracts.Emulator.Tests.Infrastructure;

/// <summary>A POST the receiver got: path, content type and body, and the status it answered.</summary>
internal sealed record ReceivedCallback(string Path, string? ContentType, string Body, int AnsweredStatus);

/// <summary>
/// A small HTTP server (<see cref="HttpListener"/>) standing in for the application behind a <c>notify_hook</c>: it
/// records every request and answers each with the status <see cref="StatusFor"/> picks from the request's number
/// (1 for the first). Listens on 127.0.0.1 by default, or on every address of the machine.
/// </summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<ReceivedCallback> _received = Channel.CreateUnbounded<ReceivedCallback>();
    private readonly ConcurrentQueue<ReceivedCallback> _all = new();
    private readonly Task _loop;
    private int _count;

    private CallbackReceiver(int port, bool anyAddress, Func<int, int> statusFor)
    {
        Port = port;
        StatusFor = statusFor;
        _listener.Prefixes.Add(anyAddress ? $"http://*:{port}/" : $"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The status to answer the n-th request with (n from 1).</summary>
    public Func<int, int> StatusFor { get; }

    /// <summary>Every request received so far.</summary>
    public IReadOnlyCollection<ReceivedCallback> All => _all;

    /// <summary>A receiver that answers 200 to everything, or as <paramref name="statusFor"/> says.</summary>
    public static CallbackReceiver Start(Func<int, int>? statusFor = null, bool anyAddress = false)
    {
        // A free port, then the listener on it (HttpListener cannot pick one itself); retried if taken meanwhile.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            try
            {
                return new CallbackReceiver(port, anyAddress, statusFor ?? (_ => 200));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>The loopback URL of <paramref name="path"/> on this receiver.</summary>
    public string Url(string path = "hook") => $"http://127.0.0.1:{Port}/{path}";

    /// <summary>The next request, waiting at most <paramref name="timeout"/>.</summary>
    public async Task<ReceivedCallback> NextAsync(TimeSpan timeout)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestCancellation.Token);
        cancel.CancelAfter(timeout);
        try
        {
            return await _received.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no callback within {timeout}; received so far: {_all.Count}");
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }
            using var reader = new StreamReader(context.Request.InputStream, context.Request.ContentEncoding);
            var body = await reader.ReadToEndAsync();
            var status = StatusFor(Interlocked.Increment(ref _count));
            var received = new ReceivedCallback(context.Request.Url!.AbsolutePath, context.Request.ContentType, body, status);
            _all.Enqueue(received);
            context.Response.StatusCode = status;
            context.Response.ContentLength64 = 0;
            context.Response.Close();
            _received.Writer.TryWrite(received);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
