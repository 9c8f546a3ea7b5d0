using System.Text.Json;

namespace Contracts.Music;

/// <summary>Generated lyrics, normalized from whichever dialect sent them.</summary>
public sealed class MusicLyrics
{
    /// <summary>The lyrics task id (opaque).</summary>
    public required string TaskId { get; init; }

    /// <summary>The lyrics task's status, normalized.</summary>
    public MusicTaskStatus Status { get; init; }

    /// <summary>The status exactly as the vendor sent it.</summary>
    public string? VendorStatus { get; init; }

    /// <summary>The suggested title.</summary>
    public string? Title { get; init; }

    /// <summary>The lyrics text, with <c>[Verse]</c>/<c>[Chorus]</c> section markers as Suno writes them.</summary>
    public string? Text { get; init; }

    /// <summary>Why the lyrics task failed, when it did.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The lyrics object exactly as the vendor sent it.</summary>
    /// <remarks>Read from the answer's bytes on first access (one parse per answer, shared by its models); the normalized members never need it.</remarks>
    public JsonElement Raw { get => _raw.Value; init => _raw = new(value); }

    /// <summary>Where the vendor's answer did not match the spec while this was read (empty when it matched). See <see cref="MusicDrift"/>.</summary>
    public IReadOnlyList<MusicDrift> Drift { get; init; } = [];

    /// <summary>Finds <see cref="Raw"/> in the answer when it is first read.</summary>
    internal Wire.RawLocator LocateRaw { init => _raw = new(value); }

    private readonly Wire.LazyRaw _raw;
}
