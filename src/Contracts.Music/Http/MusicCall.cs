using System.Net.Http.Headers;

namespace Contracts.Music.Http;

/// <summary>
/// One facade call in flight: which operation it is, whether it may be retried, and the response the handler saw.
/// It travels from the adapter to <see cref="MusicHttpHandler"/> through an <see cref="AsyncLocal{T}"/>, because the
/// generated client builds the request and hides the raw body; this is how the facade keeps the vendor's exact JSON
/// without editing generated code. A saved payload's read (no HTTP) is a call too, so the converters find its drift
/// log the same way.
/// </summary>
internal sealed class MusicCall
{
    private static readonly AsyncLocal<MusicCall?> s_current = new();

    public MusicCall(string operation, bool isRead, Errors.SecretMask secret)
    {
        Operation = operation;
        IsRead = isRead;
        Drift = new Wire.DriftLog(secret);
    }

    /// <summary>The spec's operationId.</summary>
    public string Operation { get; }

    /// <summary>Reads may be retried; submits never are (they cost credits).</summary>
    public bool IsRead { get; }

    /// <summary>The HTTP status of the last response, 0 before one arrived.</summary>
    public int Status { get; set; }

    /// <summary>The body of the last response, read in full, as the bytes that arrived.</summary>
    public Wire.RawJson? Body { get; set; }

    /// <summary>The body as text (decoded on each call: error paths only).</summary>
    public string? BodyText => Body?.Text;

    /// <summary>The last response's <c>Retry-After</c>, when sent.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>The drift met while reading the answer (see <see cref="Wire.DriftLog"/>).</summary>
    public Wire.DriftLog Drift { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; set; }

    /// <summary>The call of the current async flow, if any.</summary>
    public static MusicCall? Current => s_current.Value;

    /// <summary>Makes <paramref name="call"/> current until the returned scope is disposed.</summary>
    public static IDisposable Begin(MusicCall call)
    {
        var previous = s_current.Value;
        s_current.Value = call;
        return new Scope(previous);
    }

    /// <summary>Reads <c>Retry-After</c> as a delay (seconds or an HTTP date).</summary>
    public static TimeSpan? ReadRetryAfter(HttpResponseHeaders headers, TimeProvider time)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
            return delta;
        if (value?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private sealed class Scope(MusicCall? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
