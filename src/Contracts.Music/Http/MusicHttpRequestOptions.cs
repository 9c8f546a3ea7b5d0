namespace Contracts.Music;

/// <summary>
/// What the facade puts in <see cref="HttpRequestMessage.Options"/> of every request it sends, so that any handler of the
/// HTTP client (the retry handler <c>AddMusicClient</c> adds, or one of your own) can tell the calls apart without
/// parsing URLs: the spec operation, and whether the call may be retried (reads) or must never be (paid calls).
/// </summary>
/// <example>
/// <code>
/// if (request.Options.TryGetValue(MusicHttpRequestOptions.Operation, out var operation)) { /* "getMusic", "submitMusic", ... */ }
/// </code>
/// </example>
public static class MusicHttpRequestOptions
{
    /// <summary>The operationId in the dialect's spec, for example <c>submitMusic</c>, <c>fetchTasks</c> or <c>getFeed</c>.</summary>
    public static readonly HttpRequestOptionsKey<string> Operation = new("Contracts.Music.Operation");

    /// <summary>
    /// True for reads, which may be retried; false for calls that create paid work (music, lyrics, concat, uploads),
    /// which must reach the vendor at most once. A handler that retries must honour it.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> IsRetriable = new("Contracts.Music.IsRetriable");

    /// <summary>Whether <paramref name="request"/> may be sent again: false unless the facade marked it a read.</summary>
    /// <param name="request">A request, possibly not the facade's.</param>
    public static bool MayRetry(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(IsRetriable, out var retriable) && retriable;
}
