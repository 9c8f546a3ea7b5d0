using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Emulator.Faults;
using Contracts.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace Contracts.Emulator.Pipeline;

/// <summary>
/// Runs one API request: bearer auth, fault selection, body parsing, the operation's handler, then the faults that
/// damage the answer on its way out. Every answer is JSON in the dialect's shape unless a fault says otherwise.
/// </summary>
internal sealed class OperationPipeline(EmulatorRuntime runtime)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext http, OperationDescriptor operation)
    {
        var dialect = operation.Dialect;
        if (!IsAuthorized(http.Request))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteAsync(http, OperationError.Unauthorized(dialect), operation).ConfigureAwait(false);
            return;
        }

        var faults = runtime.Faults.Select(http.Request, operation, out var unknownFault);
        if (unknownFault is not null)
        {
            var known = string.Join(", ", EmulatorFaults.AllNames);
            await WriteAsync(http, OperationError.BadRequest($"unknown emulator fault '{unknownFault}' in {EmulatorFaults.HeaderName}; known: {known}"), operation).ConfigureAwait(false);
            return;
        }
        if (faults.Contains(EmulatorFault.RateLimit))
        {
            var seconds = (int)Math.Ceiling(runtime.Options.RetryAfter.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await WriteAsync(http, OperationError.RateLimited(dialect), operation).ConfigureAwait(false);
            return;
        }
        if (faults.Contains(EmulatorFault.ServerError))
        {
            await WriteAsync(http, OperationError.ServerError(dialect), operation).ConfigureAwait(false);
            return;
        }
        if (faults.Contains(EmulatorFault.TokenExpired))
        {
            await WriteAsync(http, OperationError.TokenExpired(), operation).ConfigureAwait(false);
            return;
        }
        if (faults.Contains(EmulatorFault.QuotaExhausted))
        {
            await WriteAsync(http, OperationError.QuotaExhausted(), operation).ConfigureAwait(false);
            return;
        }
        if (faults.Contains(EmulatorFault.NoChannel))
        {
            await WriteAsync(http, OperationError.NoChannel(operation.OperationId), operation).ConfigureAwait(false);
            return;
        }
        if (faults.Contains(EmulatorFault.BadGatewayHtml))
        {
            await WriteBadGatewayAsync(http).ConfigureAwait(false);
            return;
        }
        if (faults.Contains(EmulatorFault.Slow))
        {
            await Task.Delay(runtime.Options.SlowResponseDelay, http.RequestAborted).ConfigureAwait(false);
        }

        var render = new RenderContext(BaseUrl(http.Request), runtime.Clock, faults.Contains(EmulatorFault.UnknownStatus), faults.Contains(EmulatorFault.ExtraField));
        int status;
        JsonNode answer;
        try
        {
            var body = operation.HasBody ? await ReadBodyAsync(http).ConfigureAwait(false) : null;
            answer = operation.Handler(new OperationCall(http, operation, body, render, runtime, faults));
            status = StatusCodes.Status200OK;
            if (render.ExtraField && render.Decorated == 0 && answer is JsonObject plain)
            {
                render.Decorate(plain); // answers with no task or clip object (submit envelopes) still get the field
            }
        }
        catch (OperationErrorException error)
        {
            status = error.Error.Status;
            answer = error.Error.ToJson(dialect);
        }
        // Every request is also a look at the clock for callbacks that became due (a new task may already be final).
        runtime.Callbacks.Sweep();

        var text = answer.ToJsonString(Json);
        if (faults.Contains(EmulatorFault.MalformedJson))
        {
            text = Malform(text);
        }
        if (faults.Contains(EmulatorFault.Truncated))
        {
            text = Truncate(text);
        }
        await WriteAsync(http, status, text).ConfigureAwait(false);
    }

    private bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(header[scheme.Length..].Trim(), runtime.Options.ApiKey, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new OperationErrorException(OperationError.BadRequest($"invalid request body: not JSON ({exception.Message})"));
        }
        return node as JsonObject ?? throw new OperationErrorException(OperationError.BadRequest("invalid request body: a JSON object is expected"));
    }

    /// <summary>The address the caller used, so media URLs work through whatever host name or port it reached us by.</summary>
    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}/";

    /// <summary>A trailing comma before the last closing bracket: one small, certain syntax error.</summary>
    private static string Malform(string text) => text.Length == 0 ? "," : text[..^1] + "," + text[^1];

    /// <summary>Half of the text: a JSON value cut anywhere before its end is incomplete.</summary>
    private static string Truncate(string text) => text[..(text.Length / 2)];

    private static Task WriteAsync(HttpContext http, OperationError error, OperationDescriptor operation)
        => WriteAsync(http, error.Status, error.ToJson(operation.Dialect).ToJsonString(Json));

    private static async Task WriteAsync(HttpContext http, int status, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteBadGatewayAsync(HttpContext http)
    {
        const string page = """
            <html>
            <head><title>502 Bad Gateway</title></head>
            <body>
            <center><h1>502 Bad Gateway</h1></center>
            <hr><center>nginx (contracts emulator)</center>
            </body>
            </html>
            """;
        var bytes = Encoding.UTF8.GetBytes(page);
        http.Response.StatusCode = StatusCodes.Status502BadGateway;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted).ConfigureAwait(false);
    }
}
