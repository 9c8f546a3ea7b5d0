using System.Net.Http.Headers;

namespace Contracts.Music.Http;

/// <summary>
/// The facade's handler next to the transport, run once per attempt: bearer auth, the vendor's path prefix, and reading
/// the whole body so the adapter keeps the raw JSON. Retries and attempt timeouts are the resilience handler's, outside
/// this one (<see cref="MusicResilience"/>), so a body cut mid-way fails its attempt like any other network failure.
/// </summary>
internal sealed class MusicHttpHandler : DelegatingHandler
{
    private readonly MusicTarget _target;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly Errors.SecretMask _secret;
    private readonly string _defaultPrefix;
    private readonly TimeProvider _time;
    private readonly int _maxResponseBytes;

    public MusicHttpHandler(MusicTarget target, string apiKey, TimeProvider time, int maxResponseBytes)
    {
        _maxResponseBytes = maxResponseBytes;
        _target = target;
        _authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        _secret = new Errors.SecretMask(apiKey);
        _defaultPrefix = MusicVendor.DefaultPathPrefix(target.Dialect);
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _authorization;
        request.RequestUri = ApplyPathPrefix(request.RequestUri);
        // The key travels in the Authorization header only. A URL is written to access logs, proxies and traces (the
        // HTTP client's own span records it), so an id that holds the key (a vendor echoing it as a task id) is not sent.
        // The escaped form holds the key's plain characters as they are and the others as %XX, both forms Appears knows.
        if (_secret.Appears(request.RequestUri?.AbsoluteUri))
            throw new KeyInUrlException();

        var call = MusicCall.Of(request);
        if (call is not null)
        {
            call.Attempts++;
            // 0 until this attempt's answer arrives: a network failure on a retry is not the last attempt's status.
            call.Status = 0;
            call.Body = null;
            call.RetryAfter = null;
        }
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (call is not null)
        {
            call.Status = (int)response.StatusCode;
            call.RetryAfter = MusicCall.ReadRetryAfter(response.Headers, _time);
        }
        // Read the whole body inside the attempt: a connection cut mid-body is then retried like any other network
        // failure (reads only), and the adapter gets the exact bytes the vendor sent.
        var bytes = await BufferAsync(response, _maxResponseBytes, cancellationToken).ConfigureAwait(false);
        if (call is not null)
            call.Body = new Wire.RawJson(bytes);
        return response;
    }

    /// <summary>
    /// Replaces the response's content with its bytes read in full. The generated client then deserializes from those
    /// bytes and the adapter keeps the same array for <c>Raw</c>: one copy of the body, one parse.
    /// </summary>
    private static async Task<byte[]> BufferAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original.Headers.ContentLength > maxBytes)
        {
            response.Dispose();
            throw new ResponseTooLargeException(maxBytes, original.Headers.ContentLength.Value);
        }
        byte[] bytes;
        using (var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            bytes = await ReadAllAsync(stream, original.Headers.ContentLength, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        // The generated clients read only the body; Content-Type is kept for anyone else in the pipeline.
        var buffered = new ByteArrayContent(bytes);
        buffered.Headers.ContentType = original.Headers.ContentType;
        response.Content = buffered;
        original.Dispose();
        return bytes;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, long? length, int maxBytes, CancellationToken cancellationToken)
    {
        // A length is only a promise; beyond a megabyte the array grows with what really arrives.
        if (length is >= 0 and <= MaxPreallocated)
        {
            // The usual case: the length is known, so the array is exactly the body.
            var exact = new byte[length.Value];
            var offset = 0;
            while (offset < exact.Length)
            {
                var read = await stream.ReadAsync(exact.AsMemory(offset), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    throw new IOException($"The response ended after {offset} of the {exact.Length} bytes its Content-Length announced.");
                offset += read;
            }
            return exact;
        }
        using var copy = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int count;
        while ((count = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            // Counted as it arrives: a body without a length (chunked) is stopped at the cap, not after it is all in memory.
            if (copy.Length + count > maxBytes)
                throw new ResponseTooLargeException(maxBytes, null);
            copy.Write(chunk, 0, count);
        }
        return copy.ToArray();
    }

    private const long MaxPreallocated = 1 << 20;

    /// <summary>Moves the dialect's default prefix (as generated) to the vendor's, for example <c>suno/v1</c> to <c>suno/v1/mv-3.5</c>.</summary>
    private Uri? ApplyPathPrefix(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri || string.Equals(_target.PathPrefix, _defaultPrefix, StringComparison.Ordinal))
            return uri;
        var basePath = _target.BaseUrl.AbsolutePath;
        var path = uri.AbsolutePath;
        var generated = basePath + _defaultPrefix + "/";
        if (!path.StartsWith(generated, StringComparison.Ordinal))
            return uri;
        var prefix = _target.PathPrefix.Length == 0 ? string.Empty : _target.PathPrefix + "/";
        // Built from escaped parts with new Uri(string), which keeps escapes as they are (UriBuilder.Path re-escapes).
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + basePath + prefix + path[generated.Length..] + uri.Query);
    }
}

/// <summary>A request not sent because its URL would carry the API key.</summary>
internal sealed class KeyInUrlException() : Exception(
    "the request was not sent: its URL would carry the API key (an id holds the key; a vendor echoing the key as an id does this)");

/// <summary>A response body longer than <see cref="MusicClientOptions.MaxResponseBytes"/>; never retried (it would be as long again).</summary>
internal sealed class ResponseTooLargeException(int limit, long? announced) : Exception(
    announced is { } length
        ? $"the body announces {length:N0} bytes, over MusicClientOptions.MaxResponseBytes ({limit:N0}); it was not read"
        : $"the body is over MusicClientOptions.MaxResponseBytes ({limit:N0} bytes); reading stopped there");
