namespace Contracts.Clients;

/// <summary>
/// What a dialect can do beyond submitting a song and reading its result, which every dialect can. Flags: a dialect
/// usually has several. Which dialect has which is stated once, in its <see cref="DialectDescriptor.Capabilities"/>.
/// </summary>
[Flags]
public enum DialectCapabilities
{
    /// <summary>Nothing beyond submitting a song and reading its result.</summary>
    None = 0,

    /// <summary>Writing song lyrics from a short prompt, as a task of its own.</summary>
    Lyrics = 1 << 0,

    /// <summary>Joining a clip that was extended (continued) with the clips before it into one full song.</summary>
    Concat = 1 << 1,

    /// <summary>Reading several tasks in one call (the task dialect's <c>POST /suno/fetch</c>, native v2's
    /// <c>feed?ids=</c>); without it a reader makes one call per task.</summary>
    BatchQuery = 1 << 2,

    /// <summary>Turning an audio file at a URL into a clip that can then be continued.</summary>
    Upload = 1 << 3,

    /// <summary>A callback URL on submit: the vendor calls it with the finished task (the task dialect's
    /// <c>notify_hook</c>), so the caller need not poll.</summary>
    Callback = 1 << 4,

    /// <summary>Regenerating one section of a clip between two times (native v2's <c>infill_start_s</c> and
    /// <c>infill_end_s</c>).</summary>
    Infill = 1 << 5,

    /// <summary>Continuing an existing clip from a given second (<c>continue_clip_id</c> and <c>continue_at</c>).</summary>
    Continuation = 1 << 6,
}
