namespace Contracts.Emulator;

/// <summary>
/// A misbehaviour the emulator can produce on demand, per request (header <see cref="EmulatorFaults.HeaderName"/>
/// with the fault's wire name) or per configured <see cref="EmulatorFaultRule"/>. Each one imitates something real
/// relays do, so that callers can test how they cope.
/// </summary>
public enum EmulatorFault
{
    /// <summary><c>rate-limit</c>: HTTP 429 in the dialect's error envelope, with a <c>Retry-After</c> header in
    /// seconds (<see cref="VendorEmulatorOptions.RetryAfter"/>). The operation is not performed.</summary>
    RateLimit,

    /// <summary><c>server-error</c>: HTTP 500 in the dialect's error envelope. The operation is not performed.</summary>
    ServerError,

    /// <summary><c>bad-gateway-html</c>: HTTP 502 with an HTML page (<c>text/html</c>), as a relay's reverse proxy
    /// sends when its upstream is down. The operation is not performed.</summary>
    BadGatewayHtml,

    /// <summary><c>slow</c>: the answer is delayed by <see cref="VendorEmulatorOptions.SlowResponseDelay"/>, then
    /// sent normally.</summary>
    Slow,

    /// <summary><c>truncated</c>: the normal answer cut in half (status and headers intact, Content-Length of the cut
    /// body), so the client reads incomplete JSON.</summary>
    Truncated,

    /// <summary><c>malformed-json</c>: the normal answer with a syntax error (a trailing comma before the last
    /// closing bracket), so the client reads text that is not JSON.</summary>
    MalformedJson,

    /// <summary><c>unknown-status</c>: every task, clip, lyrics and upload status in the answer is replaced with
    /// <see cref="EmulatorFaults.UnknownStatusValue"/>, a value no dialect documents.</summary>
    UnknownStatus,

    /// <summary><c>extra-field</c>: an unknown property (<see cref="EmulatorFaults.ExtraFieldName"/>) is added to the
    /// task and clip objects of the answer (or to the answer itself when it has neither).</summary>
    ExtraField,
}
