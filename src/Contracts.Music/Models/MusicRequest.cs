namespace Contracts.Music;

/// <summary>
/// What to generate, in the facade's terms; each dialect adapter turns it into its own wire body.
/// Two modes: inspiration (<see cref="Description"/>: the vendor writes lyrics, style and title) and custom
/// (<see cref="Lyrics"/>, <see cref="Tags"/>, <see cref="Title"/>). Either can be instrumental or a continuation.
/// </summary>
public sealed class MusicRequest
{
    /// <summary>Inspiration mode: a description of the song (<c>gpt_description_prompt</c>). Null means custom mode.</summary>
    public string? Description { get; set; }

    /// <summary>Custom mode: the lyrics (<c>prompt</c>). Empty or null with <see cref="Instrumental"/> for a custom instrumental.</summary>
    public string? Lyrics { get; set; }

    /// <summary>Custom mode: style tags, for example <c>epic reggae</c>.</summary>
    public string? Tags { get; set; }

    /// <summary>Custom mode: the song title.</summary>
    public string? Title { get; set; }

    /// <summary>No vocals (<c>make_instrumental</c>).</summary>
    public bool Instrumental { get; set; }

    /// <summary>The model (<c>mv</c>). Null lets the vendor choose, except where the dialect requires one (native v2: <see cref="MusicModel.ChirpV35"/>).</summary>
    public MusicModel? Model { get; set; }

    /// <summary>Continuation: the clip to extend (<c>continue_clip_id</c>).</summary>
    public string? ContinueClipId { get; set; }

    /// <summary>Continuation: where in <see cref="ContinueClipId"/> to continue from (<c>continue_at</c>, seconds on the wire).</summary>
    public TimeSpan? ContinueAt { get; set; }

    /// <summary>Continuation, task dialect only: the task that produced <see cref="ContinueClipId"/> (<c>task_id</c>), as its page shows. Ignored by the other dialects.</summary>
    public string? ContinueTaskId { get; set; }

    /// <summary>
    /// Where the vendor POSTs the task when it finishes (the task dialect's <c>notify_hook</c>), instead of the caller
    /// polling; read the posted body with <see cref="MusicClient.ReadCallback"/>. Only dialects with
    /// <see cref="MusicCapabilities.Callback"/> take it; submitting it to another dialect throws
    /// <see cref="NotSupportedException"/>. Must be an absolute http or https URL.
    /// </summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>True when <see cref="Description"/> is set (inspiration mode).</summary>
    public bool IsInspiration => Description is not null;

    /// <summary>An inspiration-mode request.</summary>
    /// <param name="description">What the song is about.</param>
    public static MusicRequest FromDescription(string description) => new() { Description = description };

    /// <summary>A custom-mode request.</summary>
    /// <param name="lyrics">The lyrics.</param>
    /// <param name="tags">Style tags.</param>
    /// <param name="title">The title.</param>
    public static MusicRequest Custom(string lyrics, string tags, string title) => new() { Lyrics = lyrics, Tags = tags, Title = title };

    /// <summary>Throws <see cref="ArgumentException"/> naming the property when the request cannot be sent as it is.</summary>
    internal void Validate()
    {
        if (Description is not null && string.IsNullOrWhiteSpace(Description))
            throw new ArgumentException("MusicRequest.Description is empty: give a description (inspiration mode) or leave it null and set Lyrics/Tags/Title (custom mode).", "request");
        if (Description is not null && Lyrics is not null)
            throw new ArgumentException("MusicRequest has both Description (inspiration mode) and Lyrics (custom mode); set one of them.", "request");
        if (Description is null && string.IsNullOrEmpty(Lyrics) && !Instrumental)
            throw new ArgumentException("MusicRequest has neither Description nor Lyrics: set Description (inspiration mode), Lyrics (custom mode), or Instrumental = true for a custom instrumental.", "request");
        if (ContinueAt is not null && ContinueClipId is null)
            throw new ArgumentException("MusicRequest.ContinueAt is set without ContinueClipId: a continuation needs the clip to continue.", "request");
        if (ContinueAt < TimeSpan.Zero)
            throw new ArgumentException("MusicRequest.ContinueAt is negative.", "request");
        if (CallbackUrl is not null && (!CallbackUrl.IsAbsoluteUri || CallbackUrl.Scheme is not ("http" or "https")))
            throw new ArgumentException($"MusicRequest.CallbackUrl must be an absolute http or https URL; got '{CallbackUrl}'.", "request");
    }
}
