using System.Net;
using Contracts.Music.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Contracts.Music.Http;

/// <summary>
/// The facade's resilience policy, built on Microsoft.Extensions.Http.Resilience: reads are retried on 429 (after
/// <c>Retry-After</c>, capped by <see cref="MusicRetryOptions.MaxDelay"/>), 5xx, network errors and attempt timeouts;
/// paid calls never (<see cref="MusicHttpRequestOptions.IsRetriable"/>); every attempt has
/// <see cref="MusicRetryOptions.AttemptTimeout"/>. <c>AddMusicClient</c> adds it to the HTTP client it returns as the
/// resilience handler named <see cref="DependencyInjection.MusicServiceCollectionExtensions.ResilienceHandlerName"/>; a
/// client made without DI runs the same pipeline in a <see cref="ResilienceHandler"/>.
/// </summary>
internal static class MusicResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, MusicRetryOptions retry, MusicObserver observer)
    {
        // Set by the resilience registry from DI's TimeProvider, or by the caller without DI.
        var time = builder.TimeProvider ?? TimeProvider.System;
        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "Contracts.Music.Retry",
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    MusicHttpRequestOptions.MayRetry(args.Context.GetRequestMessage()) && Reason(args.Outcome) is not null),
                // The vendor's Retry-After wins over the computed backoff, capped by MaxDelay.
                DelayGenerator = args =>
                {
                    var asked = RetryAfter(args.Outcome, time);
                    return ValueTask.FromResult(asked is { } wait ? (TimeSpan?)(wait < retry.MaxDelay ? wait : retry.MaxDelay) : null);
                },
                OnRetry = args =>
                {
                    var operation = args.Context.GetRequestMessage() is { } request && request.Options.TryGetValue(MusicHttpRequestOptions.Operation, out var name) ? name : "unknown";
                    observer.Retry(operation, args.AttemptNumber + 1, Reason(args.Outcome) ?? "unknown", args.RetryDelay, RetryAfter(args.Outcome, time));
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "Contracts.Music.AttemptTimeout", Timeout = retry.AttemptTimeout });
    }

    /// <summary>Why an attempt may be retried (a metric tag and a log word), or null when it may not.</summary>
    private static string? Reason(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "timeout",
        { Exception: HttpRequestException } => "network_error",
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => "http_429",
        { Result: { } response } when (int)response.StatusCode >= 500 => "http_" + (int)response.StatusCode,
        _ => null,
    };

    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeProvider time) =>
        outcome.Result is { } response ? MusicCall.ReadRetryAfter(response.Headers, time) : null;
}
