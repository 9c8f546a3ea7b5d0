namespace Contracts.Emulator.State;

/// <summary>One step of a clip's lineage, as Suno writes it in <c>metadata.history</c> and <c>concat_history</c>.</summary>
internal sealed record HistoryEntry(string Id, double? ContinueAt, string Type, bool Infill);

/// <summary>
/// One generated (or uploaded, or concatenated) song. Immutable: its state is computed from <see cref="CreatedAt"/>
/// by the clock, so the same record answers every poll.
/// </summary>
internal sealed record EmulatedClip
{
    public required string Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Title { get; init; }

    public required string Tags { get; init; }

    /// <summary>The lyrics sung (the custom-mode prompt, or lyrics written from the description); empty for instrumentals.</summary>
    public required string Lyrics { get; init; }

    public string? GptDescriptionPrompt { get; init; }

    /// <summary>The model asked for (<c>mv</c>), echoed as <c>model_name</c>.</summary>
    public required string Model { get; init; }

    public bool Instrumental { get; init; }

    /// <summary><c>gen</c>, <c>concat</c> or <c>upload</c>.</summary>
    public string Type { get; init; } = "gen";

    public IReadOnlyList<HistoryEntry>? History { get; init; }

    public IReadOnlyList<HistoryEntry>? ConcatHistory { get; init; }

    public string? AudioPromptId { get; init; }

    public bool Infill { get; init; }

    public string? FailReason { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Fails => FailReason is not null;

    /// <summary>Uploads are finished clips the moment they exist.</summary>
    public bool AlwaysComplete { get; init; }

    /// <summary>Derived from the prompt; picks the tones of the clip's audio and the colours of its cover.</summary>
    public required uint Seed { get; init; }

    public required double Duration { get; init; }
}
