using System.Diagnostics.CodeAnalysis;

namespace Contracts.Music;

/// <summary>
/// The normalized status of a task or clip. Vendors control the wire values, so this is an open set: the known
/// values are statics, and a value no dialect documents is kept verbatim (never an exception). How each dialect's
/// wire values map here is one table: <see cref="MusicStatusMap"/>.
/// </summary>
public readonly struct MusicTaskStatus : IEquatable<MusicTaskStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its value; unknown values are kept as given.</summary>
    /// <param name="value">The status value.</param>
    public MusicTaskStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Accepted, not yet queued (task <c>NOT_START</c>/<c>SUBMITTED</c>, clip <c>submitted</c>, GoAmz <c>pending</c>).</summary>
    public static MusicTaskStatus Pending { get; } = new("pending");

    /// <summary>Waiting for a generation slot (<c>QUEUED</c>, <c>queued</c>).</summary>
    public static MusicTaskStatus Queued { get; } = new("queued");

    /// <summary>Generating, no audio yet (<c>IN_PROGRESS</c>, GoAmz <c>processing</c>).</summary>
    public static MusicTaskStatus Running { get; } = new("running");

    /// <summary>Generating, and the audio can already be streamed (clip <c>streaming</c>).</summary>
    public static MusicTaskStatus Streaming { get; } = new("streaming");

    /// <summary>Finished; final URLs are set (<c>SUCCESS</c>, <c>complete</c>, <c>completed</c>). Terminal.</summary>
    public static MusicTaskStatus Succeeded { get; } = new("succeeded");

    /// <summary>Finished without a result (<c>FAILURE</c>, <c>error</c>, <c>failed</c>). Terminal.</summary>
    public static MusicTaskStatus Failed { get; } = new("failed");

    /// <summary>The vendor itself says it does not know (task <c>UNKNOWN</c>). Not terminal.</summary>
    public static MusicTaskStatus Unknown { get; } = new("unknown");

    /// <summary>The status value: one of the statics' values, or a vendor value kept verbatim.</summary>
    public string Value => _value ?? Unknown._value!;

    /// <summary>True for <see cref="Succeeded"/> and <see cref="Failed"/>: polling stops there.</summary>
    public bool IsTerminal => Equals(Succeeded) || Equals(Failed);

    /// <summary>True when the value is one of the statics; false for a vendor value kept verbatim.</summary>
    public bool IsKnown => Equals(Pending) || Equals(Queued) || Equals(Running) || Equals(Streaming) || IsTerminal || Equals(Unknown);

    /// <inheritdoc />
    public bool Equals(MusicTaskStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is MusicTaskStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Compares two statuses by value.</summary>
    public static bool operator ==(MusicTaskStatus left, MusicTaskStatus right) => left.Equals(right);

    /// <summary>Compares two statuses by value.</summary>
    public static bool operator !=(MusicTaskStatus left, MusicTaskStatus right) => !left.Equals(right);

    /// <summary>Converts a value into a status (kept verbatim).</summary>
    public static implicit operator MusicTaskStatus(string value) => new(value);
}
