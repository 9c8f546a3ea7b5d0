using System.Text.Json;

namespace Contracts.Music;

/// <summary>
/// A snapshot of one generation task, normalized from whichever dialect sent it. The vendor's JSON is kept in
/// <see cref="Raw"/>. For native v2, which has no task resource, the task id is the generation's clip ids joined with
/// commas (see README: "Task ids per dialect").
/// </summary>
public sealed class MusicTask
{
    /// <summary>The task id (opaque); pass it back to <see cref="IMusicClient.GetTaskAsync"/>.</summary>
    public required string Id { get; init; }

    /// <summary>The dialect that sent it.</summary>
    public required MusicDialect Dialect { get; init; }

    /// <summary>The task's status, normalized (<see cref="MusicStatusMap"/>).</summary>
    public MusicTaskStatus Status { get; init; }

    /// <summary>The status exactly as the vendor sent it (for native v2, the clips' statuses joined with commas).</summary>
    public string? VendorStatus { get; init; }

    /// <summary>Progress in percent where the dialect reports it (task <c>progress</c>), 100 on success, otherwise null.</summary>
    public int? ProgressPercent { get; init; }

    /// <summary>The clips produced so far.</summary>
    public IReadOnlyList<MusicClip> Clips { get; init; } = [];

    /// <summary>For a lyrics task: the lyrics, once there are any.</summary>
    public MusicLyrics? Lyrics { get; init; }

    /// <summary>Why the task failed (task <c>fail_reason</c>, the first failed clip's error message, ...).</summary>
    public string? FailureReason { get; init; }

    /// <summary>When the task was submitted.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>When generation started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the task finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The task object exactly as the vendor sent it.</summary>
    /// <remarks>Read from the answer's bytes on first access (one parse per answer, shared by its models); the normalized members never need it.</remarks>
    public JsonElement Raw { get => _raw.Value; init => _raw = new(value); }

    /// <summary>Where the vendor's answer did not match the spec while this was read (empty when it matched). See <see cref="MusicDrift"/>.</summary>
    public IReadOnlyList<MusicDrift> Drift { get; init; } = [];

    /// <summary>Finds <see cref="Raw"/> in the answer when it is first read.</summary>
    internal Wire.RawLocator LocateRaw { init => _raw = new(value); }

    private readonly Wire.LazyRaw _raw;

    /// <summary>True when the task succeeded or failed: its state will not change any more.</summary>
    public bool IsCompleted => Status.IsTerminal;
}
