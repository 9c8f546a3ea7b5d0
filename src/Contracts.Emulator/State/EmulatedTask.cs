using Contracts.Clients;

namespace Contracts.Emulator.State;

/// <summary>What a task produces.</summary>
internal enum TaskKind
{
    Music,
    Lyrics,
}

/// <summary>Generated lyrics: what a lyrics task returns once complete.</summary>
internal sealed record LyricsContent(string Id, string Title, string Text);

/// <summary>
/// A submitted task (a native v2 generation batch or lyrics generation too). Immutable; its phase is computed from
/// <see cref="CreatedAt"/> on every read.
/// </summary>
internal sealed record EmulatedTask
{
    public required string Id { get; init; }

    public required DialectDescriptor Dialect { get; init; }

    public required TaskKind Kind { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The request as the vendor stores it (GoAmz answers it back as a JSON string).</summary>
    public required string InputEcho { get; init; }

    public IReadOnlyList<string> ClipIds { get; init; } = [];

    public LyricsContent? Lyrics { get; init; }

    public string? FailReason { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Fails => FailReason is not null;

    /// <summary>The relay's row number (task dialect <c>id</c>).</summary>
    public long RowNumber { get; init; }

    public string? NotifyHook { get; init; }
}
