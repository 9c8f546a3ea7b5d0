namespace Contracts.Clients;

/// <summary>
/// Where a task or clip stands, in words common to every dialect. Each dialect spells these states its own way on
/// the wire (<c>IN_PROGRESS</c>, <c>processing</c>, ...); <see cref="DialectDescriptor.TaskStatuses"/> and
/// <see cref="DialectCatalog.ClipStatuses"/> translate them. A wire value in neither table is a state nobody
/// documented yet: readers keep it as it is rather than guess.
/// </summary>
public enum DialectStatus
{
    /// <summary>Accepted by the vendor, not yet waiting for a generation slot.</summary>
    Pending,

    /// <summary>Waiting for a generation slot.</summary>
    Queued,

    /// <summary>Being generated; no audio to play yet.</summary>
    Running,

    /// <summary>Being generated, and the audio can already be played while it grows.</summary>
    Streaming,

    /// <summary>Finished with a result: the final audio and image URLs are set. Final.</summary>
    Succeeded,

    /// <summary>Finished without a result. Final.</summary>
    Failed,

    /// <summary>The vendor itself says it does not know the state (the task dialect's <c>UNKNOWN</c>). Not final.</summary>
    Unknown,
}
