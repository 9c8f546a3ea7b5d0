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
    public JsonElement Raw { get; init; }
}
