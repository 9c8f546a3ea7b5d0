using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Music;
using Microsoft.AspNetCore.Http;

namespace Contracts.Benchmarks.Infrastructure;

/// <summary>
/// A loopback vendor for wait rounds: it answers every batch or single read with the tasks (or clips) the request asks
/// for, each already finished, so a wait on any number of ids is exactly one round; <see cref="Counter"/> records every
/// request. Answers follow the specs' minimal shapes for each dialect's read operation.
/// </summary>
public sealed class RoundServer : IAsyncDisposable
{
    private LoopbackHost _host = null!;

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Every request received.</summary>
    public RequestCounter Counter { get; } = new();

    public static async Task<RoundServer> StartAsync()
    {
        var server = new RoundServer();
        server._host = await LoopbackHost.StartAsync(async context =>
        {
            var request = context.Request;
            var path = request.Path.Value ?? string.Empty;
            server.Counter.Record(path);
            string body;
            if (path == "/suno/fetch" && HttpMethods.IsPost(request.Method))
            {
                var asked = await JsonSerializer.DeserializeAsync<JsonObject>(request.Body, cancellationToken: context.RequestAborted);
                body = new JsonObject { ["code"] = "success", ["message"] = "", ["data"] = new JsonArray([.. asked!["ids"]!.AsArray().Select(id => Task(id!.GetValue<string>()))]) }.ToJsonString();
            }
            else if (path == "/suno/v2/feed")
                body = new JsonArray([.. request.Query["ids"].ToString().Split(',').Select(Clip)]).ToJsonString();
            else if (path.StartsWith("/suno/v1/", StringComparison.Ordinal))
                body = new JsonObject { ["code"] = 200, ["message"] = "", ["data"] = GoAmzTask(path[(path.LastIndexOf('/') + 1)..]) }.ToJsonString();
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body, context.RequestAborted);
        }).ConfigureAwait(false);
        return server;
    }

    /// <summary>A client of <paramref name="dialect"/> for this server.</summary>
    public MusicClient CreateClient(MusicDialect dialect) =>
        new(new MusicClientOptions { BaseUrl = BaseAddress, Dialect = dialect, ApiKey = "benchmark-key" });

    private static JsonObject Task(string id) => new()
    {
        ["task_id"] = id, ["action"] = "MUSIC", ["status"] = "SUCCESS", ["progress"] = "100%", ["data"] = new JsonArray(),
    };

    private static JsonObject Clip(string id) => new()
    {
        ["id"] = id, ["status"] = "complete", ["audio_url"] = $"https://cdn.example/{id}.mp3", ["title"] = "t", ["model_name"] = "chirp-v3",
        ["metadata"] = new JsonObject { ["prompt"] = "" },
    };

    private static JsonObject GoAmzTask(string id) => new()
    {
        ["task_id"] = id, ["status"] = "completed", ["input"] = "{}", ["clips"] = new JsonObject(),
    };

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
