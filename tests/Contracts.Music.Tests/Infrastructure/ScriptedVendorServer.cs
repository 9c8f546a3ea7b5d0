using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contracts.Music.Tests.Infrastructure;

/// <summary>One scripted answer: status, body, content type, extra headers, and a delay before answering.</summary>
internal sealed record Reply(int Status, string Body, string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public TimeSpan Delay { get; init; }

    /// <summary>Sends Content-Length; otherwise the body goes chunked, its length unknown until it ends.</summary>
    public bool AnnounceLength { get; init; }

    /// <summary>Drops the connection instead of answering (after <see cref="Delay"/>).</summary>
    public bool Abort { get; init; }

    public static Reply Json(string body, int status = 200) => new(status, body);
}

/// <summary>A request the server received, as it arrived on the wire.</summary>
internal sealed record ReceivedRequest(string Method, string Path, string Query, string? Authorization, string Body);

/// <summary>
/// A real Kestrel server on 127.0.0.1 whose routes answer with a script: each request takes the next reply and the
/// last one repeats, so a test can walk a task through its states or fail first and succeed after.
/// </summary>
internal sealed class ScriptedVendorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _scripts = new();
    private readonly ConcurrentDictionary<string, Reply> _last = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, Func<ReceivedRequest, Reply>> _responders = new();
    private Reply? _fallback;

    private ScriptedVendorServer(WebApplication app) => _app = app;

    /// <summary>The server's root, ending with '/'.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public static async Task<ScriptedVendorServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedVendorServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers "METHOD /path" (no query) with <paramref name="replies"/> in turn, the last one from then on.</summary>
    public void Script(string method, string path, params Reply[] replies)
    {
        var key = method.ToUpperInvariant() + " " + path;
        _scripts[key] = new ConcurrentQueue<Reply>(replies);
        _last.TryRemove(key, out _);
    }

    /// <summary>Answers "METHOD /path..." (every path that starts with <paramref name="pathPrefix"/>) with what <paramref name="respond"/> builds from the request.</summary>
    public void Respond(string method, string pathPrefix, Func<ReceivedRequest, Reply> respond) =>
        _responders[method.ToUpperInvariant() + " " + pathPrefix] = respond;

    /// <summary>Answers every request that no script matches with <paramref name="reply"/>.</summary>
    public void AnswerAll(Reply reply) => _fallback = reply;

    /// <summary>Answers "METHOD /path" with one JSON body.</summary>
    public void Answer(string method, string path, string body, int status = 200) => Script(method, path, Reply.Json(body, status));

    /// <summary>A client for this server with the given dialect and key.</summary>
    public MusicClient CreateClient(MusicDialect dialect, string apiKey = TestKeys.ApiKey, Action<MusicClientOptions>? configure = null)
    {
        var options = new MusicClientOptions { BaseUrl = BaseAddress, Dialect = dialect, ApiKey = apiKey, VendorName = "loopback" };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        configure?.Invoke(options);
        return new MusicClient(options);
    }

    public int CountOf(string method, string path) => Requests.Count(r => r.Method == method && r.Path == path);

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = context.Request;
        var received = new ReceivedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
            request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, body);
        _requests.Enqueue(received);

        var key = request.Method + " " + request.Path.Value;
        Reply? reply = null;
        foreach (var (prefix, respond) in _responders)
            if (key.StartsWith(prefix, StringComparison.Ordinal))
                reply = respond(received);
        if (reply is null && _scripts.TryGetValue(key, out var queue))
            reply = queue.TryDequeue(out var next) ? _last[key] = next : _last.GetValueOrDefault(key);
        reply ??= _fallback;
        if (reply is null)
        {
            context.Response.StatusCode = StatusCodes.Status501NotImplemented;
            await context.Response.WriteAsync($"no script for {key}", context.RequestAborted);
            return;
        }
        if (reply.Delay > TimeSpan.Zero)
            await Task.Delay(reply.Delay, context.RequestAborted);
        if (reply.Abort)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        foreach (var (name, value) in reply.Headers)
            context.Response.Headers[name] = value;
        if (reply.AnnounceLength)
            context.Response.ContentLength = Encoding.UTF8.GetByteCount(reply.Body);
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
