using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contracts.Clients.Tests.Infrastructure;

/// <summary>A request the server received, as it arrived on the wire.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string? ContentType, string Body);

/// <summary>
/// A real Kestrel server on 127.0.0.1 (random port) that answers each "METHOD /path" with a canned body, so that the
/// generated clients go through real HTTP, real headers and real JSON. Every request is recorded for assertions.
/// </summary>
internal sealed class LoopbackVendorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, string Body, string ContentType)> _routes = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackVendorServer(WebApplication app) => _app = app;

    /// <summary>The server's base address, ending with '/'.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static async Task<LoopbackVendorServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackVendorServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (no query) with <paramref name="body"/>.</summary>
    public void Answer(string method, string path, string body, int status = 200, string contentType = "application/json")
        => _routes[method.ToUpperInvariant() + " " + path] = (status, body, contentType);

    /// <summary>An HttpClient aimed at this server with a bearer key, as an application would configure it.</summary>
    public HttpClient CreateHttpClient(string apiKey = "test-key")
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public RecordedRequest SingleRequest() => Assert.Single(Requests);

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = context.Request;
        _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
            request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, request.ContentType, body));

        if (!_routes.TryGetValue(request.Method + " " + request.Path.Value, out var route))
        {
            context.Response.StatusCode = StatusCodes.Status501NotImplemented;
            await context.Response.WriteAsync($"no canned answer for {request.Method} {request.Path}", context.RequestAborted);
            return;
        }
        context.Response.StatusCode = route.Status;
        context.Response.ContentType = route.ContentType;
        await context.Response.WriteAsync(route.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
