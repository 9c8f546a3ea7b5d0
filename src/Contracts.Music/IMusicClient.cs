namespace Contracts.Music;

/// <summary>
/// One interface over every vendor dialect: write music generation once, switch vendors by configuration.
/// Failed calls throw <see cref="MusicApiException"/>; operations a dialect lacks throw
/// <see cref="NotSupportedException"/> (check <see cref="Capabilities"/> first).
/// </summary>
public interface IMusicClient
{
    /// <summary>The vendor this client talks to.</summary>
    string Vendor { get; }

    /// <summary>The dialect the vendor speaks.</summary>
    MusicDialect Dialect { get; }

    /// <summary>What the dialect supports.</summary>
    MusicCapabilities Capabilities { get; }

    /// <summary>Submits a generation. Never retried automatically: it costs credits.</summary>
    /// <param name="request">What to generate.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task id, for <see cref="GetTaskAsync"/> and <see cref="WaitForCompletionAsync(string, MusicWaitOptions?, CancellationToken)"/>.</returns>
    Task<string> SubmitAsync(MusicRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one task.</summary>
    /// <param name="taskId">The id <see cref="SubmitAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<MusicTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads several tasks, in the order asked: one call where the dialect has a batch query or feed
    /// (<see cref="MusicCapabilities.BatchQuery"/>), otherwise one call per id, at most
    /// <see cref="MusicClientOptions.MaxConcurrentReads"/> at once.
    /// </summary>
    /// <param name="taskIds">The task ids.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    Task<IReadOnlyList<MusicTask>> GetTasksAsync(IEnumerable<string> taskIds, CancellationToken cancellationToken = default);

    /// <summary>Polls a task until it succeeds or fails, with backoff, and returns the final snapshot (check <see cref="MusicTask.Status"/>).</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="options">Poll interval, backoff, overall timeout, progress; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">The task did not finish within <see cref="MusicWaitOptions.Timeout"/>; the message has its last status.</exception>
    Task<MusicTask> WaitForCompletionAsync(string taskId, MusicWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Polls a task like <see cref="WaitForCompletionAsync(string, MusicWaitOptions?, CancellationToken)"/> and yields every snapshot that differs from the previous one, the final one last.</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="options">Poll interval, backoff, overall timeout; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    IAsyncEnumerable<MusicTask> WatchAsync(string taskId, MusicWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls several tasks until every one has succeeded or failed, and returns their final snapshots in the order
    /// asked. Each round reads only the unfinished tasks, with one batched read where the dialect has one
    /// (<see cref="MusicCapabilities.BatchQuery"/>: ceil(N / <see cref="MusicClientOptions.BatchSize"/>) requests for the
    /// task dialect, feed requests of up to about 1,900 characters of ids for native v2), otherwise one read per task.
    /// </summary>
    /// <param name="taskIds">The task ids; duplicates are read once.</param>
    /// <param name="options">Poll interval, backoff, overall timeout, progress (called for every task snapshot that changed); null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">Some task did not finish within <see cref="MusicWaitOptions.Timeout"/>; the message names them.</exception>
    Task<IReadOnlyList<MusicTask>> WaitForCompletionAsync(IEnumerable<string> taskIds, MusicWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls several tasks like <see cref="WaitForCompletionAsync(IEnumerable{string}, MusicWaitOptions?, CancellationToken)"/>
    /// and yields each task's snapshot whenever it differs from that task's previous one; it ends when every task has finished.
    /// </summary>
    /// <param name="taskIds">The task ids; duplicates are read once.</param>
    /// <param name="options">Poll interval, backoff, overall timeout; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    IAsyncEnumerable<MusicTask> WatchAsync(IEnumerable<string> taskIds, MusicWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Generates lyrics: submits, waits, and returns the result (check <see cref="MusicLyrics.Status"/>).</summary>
    /// <param name="prompt">What the lyrics are about.</param>
    /// <param name="options">How to wait; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    Task<MusicLyrics> GenerateLyricsAsync(string prompt, MusicWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Concatenates an extended clip with its ancestors into a full song. Never retried automatically.</summary>
    /// <param name="clipId">The last clip of the extension chain.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task id of the concat task.</returns>
    Task<string> ConcatAsync(string clipId, CancellationToken cancellationToken = default);

    /// <summary>Turns an audio file at a URL into a clip (create upload, finish, wait, initialize clip).</summary>
    /// <param name="audioUrl">Where the vendor can download the audio.</param>
    /// <param name="options">How to wait for processing; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The new clip id, usable as <see cref="MusicRequest.ContinueClipId"/>.</returns>
    Task<string> UploadAsync(Uri audioUrl, MusicWaitOptions? options = null, CancellationToken cancellationToken = default);
}
