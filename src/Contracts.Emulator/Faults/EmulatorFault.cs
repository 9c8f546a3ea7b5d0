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

    /// <summary><c>token-expired</c> (native v2 <c>generateMusic</c> only): HTTP 422 <c>{"detail": "Token validation
    /// failed."}</c>, as Suno answers when the relay's session token (captcha) has expired. Nothing is created.</summary>
    TokenExpired,

    /// <summary><c>quota-exhausted</c> (task dialect <c>submitMusic</c> and <c>submitLyrics</c> only): HTTP 403
    /// <c>{"code": "quota_not_enough", "message": "user quota is not enough", "data": null}</c>, as new-api answers an
    /// account that cannot pay. Nothing is created.</summary>
    QuotaExhausted,

    /// <summary><c>no-channel</c> (task dialect only): HTTP 503 in new-api's gateway style, not the task envelope:
    /// <c>{"error": {"message": "当前分组 default 下对于模型 suno_music 无可用渠道", "type": "new_api_error"}}</c> (no channel
    /// for the model in the group). The operation is not performed.</summary>
    NoChannel,

    /// <summary><c>feed-page</c> (native v2 <c>getFeed</c> only): the feed answers a page object
    /// <c>{clips, num_total_results, current_page}</c> instead of a bare array of clips, as
    /// <see cref="FeedShape.Page"/> does for every request.</summary>
    FeedPage,

    /// <summary><c>feed-cursor-page</c> (native v2 <c>getFeed</c> only): the feed answers a page object in the newer
    /// cursor style <c>{clips, has_more, next_cursor}</c>, as <see cref="FeedShape.CursorPage"/> does for every
    /// request.</summary>
    FeedCursorPage,
}
