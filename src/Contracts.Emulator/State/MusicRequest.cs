namespace Contracts.Emulator.State;

/// <summary>A music request, whatever the dialect it came in: what the song factory needs.</summary>
internal sealed record MusicRequest
{
    public string? Prompt { get; init; }

    public string? Title { get; init; }

    public string? Tags { get; init; }

    public string? GptDescriptionPrompt { get; init; }

    public required string Model { get; init; }

    public bool Instrumental { get; init; }

    public string? ContinueClipId { get; init; }

    public double? ContinueAt { get; init; }

    public double? InfillStart { get; init; }

    public double? InfillEnd { get; init; }

    public bool IsContinuation => !string.IsNullOrEmpty(ContinueClipId);
}
