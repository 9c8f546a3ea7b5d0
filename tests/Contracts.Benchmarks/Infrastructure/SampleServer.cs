using Microsoft.AspNetCore.Http;

namespace Contracts.Benchmarks.Infrastructure;

/// <summary>
/// A minimal HTTP server on 127.0.0.1 (Kestrel, any free port, as src/Contracts.Emulator hosts it): every GET whose path
/// starts with a sample's <see cref="DialectSample.RoutePrefix"/> is answered 200 with that sample's bytes, whatever
/// the id or query; anything else is 404. No routing, auth or logging, so a request costs the same for every client
/// that calls it. It runs inside the benchmark process (its allocations per request are part of every loopback row,
/// the baseline's included).
/// </summary>
public sealed class SampleServer : IAsyncDisposable
{
    private readonly LoopbackHost _host;

    private SampleServer(LoopbackHost host) => _host = host;

    /// <summary><c>http://127.0.0.1:{port}/</c>, ending with '/': the base address for every client.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Starts a server answering <paramref name="samples"/>; <paramref name="counter"/> (optional) records every request.</summary>
    public static async Task<SampleServer> StartAsync(IEnumerable<DialectSample> samples, RequestCounter? counter = null)
    {
        var routes = samples.Select(s => (s.RoutePrefix, s.Utf8)).ToArray();

        return new SampleServer(await LoopbackHost.StartAsync(context =>
        {
            var path = context.Request.Path.Value ?? string.Empty;
            counter?.Record(path);
            if (HttpMethods.IsGet(context.Request.Method))
            {
                foreach (var (prefix, body) in routes)
                {
                    if (path.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        context.Response.StatusCode = StatusCodes.Status200OK;
                        context.Response.ContentType = "application/json";
                        context.Response.ContentLength = body.Length;
                        return context.Response.Body.WriteAsync(body.AsMemory(), context.RequestAborted).AsTask();
                    }
                }
            }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).ConfigureAwait(false));
    }

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
