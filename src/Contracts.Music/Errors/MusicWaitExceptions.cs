namespace Contracts.Music;

/// <summary>
/// A wait ran out of <see cref="MusicWaitOptions.Timeout"/> before its tasks finished. The tasks go on at the vendor:
/// <see cref="TaskIds"/> are the ones still unfinished, to read again later instead of submitting again (they are paid for).
/// </summary>
public sealed class MusicWaitTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was waited for and its last state.</param>
    /// <param name="taskIds">The unfinished task (or lyrics, or upload) ids.</param>
    public MusicWaitTimeoutException(string message, IReadOnlyList<string> taskIds)
        : base(message)
    {
        TaskIds = taskIds;
    }

    /// <summary>The ids that had not finished.</summary>
    public IReadOnlyList<string> TaskIds { get; }
}

/// <summary>
/// The caller cancelled a wait inside an operation that had already made a paid call (<see cref="IMusicClient.GenerateLyricsAsync"/>,
/// <see cref="IMusicClient.UploadAsync"/>): the id of what was created is in <see cref="TaskId"/>, so it is not lost.
/// </summary>
public sealed class MusicWaitCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was cancelled.</param>
    /// <param name="taskId">The id of what the paid call created.</param>
    /// <param name="innerException">The cancellation.</param>
    /// <param name="token">The token that was cancelled.</param>
    public MusicWaitCanceledException(string message, string taskId, Exception? innerException, CancellationToken token)
        : base(message, innerException, token)
    {
        TaskId = taskId;
    }

    /// <summary>The id of what the paid call created (a lyrics task, an upload).</summary>
    public string TaskId { get; }
}
