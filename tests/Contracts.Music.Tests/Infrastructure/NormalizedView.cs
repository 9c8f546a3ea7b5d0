namespace Contracts.Music.Tests.Infrastructure;

/// <summary>
/// The facade's view of tasks as plain objects, for Snapshooter to serialize and compare. Raw JSON is left out: it is
/// the input. Times stay <see cref="DateTimeOffset"/>s, so Snapshooter's matchers can check their type where a value
/// changes from run to run.
/// </summary>
internal static class NormalizedView
{
    public static object Of(IReadOnlyList<MusicTask> tasks) => tasks.Select(Task).ToArray();

    public static object Of(MusicApiException error) => new
    {
        exception = nameof(MusicApiException),
        vendor = error.Vendor,
        dialect = error.Dialect.ToString(),
        operation = error.Operation,
        kind = error.Kind.ToString(),
        status = error.Status,
        errorCode = error.ErrorCode,
        vendorMessage = error.VendorMessage,
        taskId = error.TaskId,
    };

    /// <summary>The task; <c>drift</c> is added only when there is any, so snapshots of answers that match their spec never mention it.</summary>
    public static object Task(MusicTask t)
    {
        var view = TaskFields(t);
        if (t.Drift.Count == 0)
            return view;
        var withDrift = view.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(view));
        withDrift["drift"] = t.Drift.Select(d => d.ToString()).ToArray();
        return withDrift;
    }

    private static object TaskFields(MusicTask t) => new
    {
        id = t.Id,
        dialect = t.Dialect.ToString(),
        status = t.Status.Value,
        vendorStatus = t.VendorStatus,
        isCompleted = t.IsCompleted,
        progressPercent = t.ProgressPercent,
        failureReason = t.FailureReason,
        submittedAt = t.SubmittedAt,
        startedAt = t.StartedAt,
        finishedAt = t.FinishedAt,
        lyrics = t.Lyrics is { } l ? new
        {
            taskId = l.TaskId,
            status = l.Status.Value,
            vendorStatus = l.VendorStatus,
            title = l.Title,
            text = l.Text,
            failureReason = l.FailureReason,
        } : null,
        clips = t.Clips.Select(Clip).ToArray(),
    };

    private static object Clip(MusicClip c) => new
    {
        id = c.Id,
        title = c.Title,
        status = c.Status.Value,
        vendorStatus = c.VendorStatus,
        audioUrl = c.AudioUrl,
        videoUrl = c.VideoUrl,
        imageUrl = c.ImageUrl,
        imageLargeUrl = c.ImageLargeUrl,
        durationSeconds = c.Duration?.TotalSeconds,
        tags = c.Tags,
        lyrics = c.Lyrics,
        description = c.Description,
        model = c.Model?.Value,
        requestedModel = c.RequestedModel?.Value,
        majorModelVersion = c.MajorModelVersion,
        errorMessage = c.ErrorMessage,
        continuedFromClipId = c.ContinuedFromClipId,
        continuedAtSeconds = c.ContinuedAt?.TotalSeconds,
        createdAt = c.CreatedAt,
    };
}
