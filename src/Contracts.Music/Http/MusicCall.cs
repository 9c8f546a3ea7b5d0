using System.Net.Http.Headers;

namespace Contracts.Music.Http;

/// <summary>
/// One facade call in flight: which operation it is, whether it may be retried, and the response the handler saw.
/// The adapter creates it and a generated client for this call alone, which puts it in the request's
/// <see cref="HttpRequestMessage.Options"/> (<see cref="Key"/>) next to the public <see cref="MusicHttpRequestOptions"/>;
/// <see cref="MusicHttpHandler"/> fills in the status and the exact bytes of each attempt's answer there. This is how the
/// facade keeps the vendor's raw JSON without editing generated code and without ambient state.
/// </summary>
internal sealed class MusicCall
{
    /// <summary>Where the call travels with its request.</summary>
    public static readonly HttpRequestOptionsKey<MusicCall> Key = new("Contracts.Music.Call");

    public MusicCall(string operation, bool isRead, Errors.SecretMask secret, Diagnostics.MusicObserver? observer = null)
    {
        Operation = operation;
        IsRead = isRead;
        Drift = new Wire.DriftLog(secret, observer, operation);
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

    /// <summary>Marks <paramref name="request"/> as this call's: the facade's own state and the public options users' handlers read.</summary>
    public void Attach(HttpRequestMessage request)
    {
        request.Options.Set(Key, this);
        request.Options.Set(MusicHttpRequestOptions.Operation, Operation);
        request.Options.Set(MusicHttpRequestOptions.IsRetriable, IsRead);
    }

    /// <summary>The call <paramref name="request"/> belongs to, when the facade sent it.</summary>
    public static MusicCall? Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var call) ? call : null;

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
}
