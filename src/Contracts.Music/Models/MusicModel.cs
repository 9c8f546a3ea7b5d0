using System.Diagnostics.CodeAnalysis;

namespace Contracts.Music;

/// <summary>
/// A Suno model name as sent in <c>mv</c> or reported in <c>model_name</c>. Vendors add aliases over time, so this is
/// an open set: the known names are statics, any other name is kept verbatim and sent as given.
/// </summary>
public readonly struct MusicModel : IEquatable<MusicModel>
{
    private readonly string? _value;

    /// <summary>Creates a model from its wire name.</summary>
    /// <param name="value">The model name, for example <c>chirp-v3-5</c>.</param>
    public MusicModel(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>Suno v3 (<c>chirp-v3-0</c>).</summary>
    public static MusicModel ChirpV3 { get; } = new("chirp-v3-0");

    /// <summary>Suno v3.5 (<c>chirp-v3-5</c>).</summary>
    public static MusicModel ChirpV35 { get; } = new("chirp-v3-5");

    /// <summary>Suno v4 (<c>chirp-v4</c>).</summary>
    public static MusicModel ChirpV4 { get; } = new("chirp-v4");

    /// <summary>Suno v4.5 (<c>chirp-auk</c>).</summary>
    public static MusicModel ChirpV45 { get; } = new("chirp-auk");

    /// <summary>Suno v4.5+ (<c>chirp-bluejay</c>).</summary>
    public static MusicModel ChirpV45Plus { get; } = new("chirp-bluejay");

    /// <summary>Suno v5 (<c>chirp-crow</c>).</summary>
    public static MusicModel ChirpV5 { get; } = new("chirp-crow");

    /// <summary>The wire name.</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool Equals(MusicModel other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is MusicModel other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Compares two models by name.</summary>
    public static bool operator ==(MusicModel left, MusicModel right) => left.Equals(right);

    /// <summary>Compares two models by name.</summary>
    public static bool operator !=(MusicModel left, MusicModel right) => !left.Equals(right);

    /// <summary>Converts a wire name into a model (kept verbatim).</summary>
    public static implicit operator MusicModel(string value) => new(value);
}
