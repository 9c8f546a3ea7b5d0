namespace Contracts.Music;

/// <summary>
/// One place where a vendor answer did not match its dialect's spec but was read anyway: a member of an unexpected
/// type, a value out of range, a status the spec does not list, a member the spec does not declare. The normalized field is null (or, where the value
/// could still be used, for example a number sent as text, the converted value) and the read carries on. A steady
/// stream of the same drift means the spec needs an update.
/// </summary>
/// <param name="Member">Where: the spec's schema (the generated type) and the JSON member, for example <c>ClipMetadata.duration</c>.</param>
/// <param name="Kind">What kind of mismatch it is.</param>
/// <param name="Found">What arrived, shortened (for example <c>string "NaN"</c>).</param>
/// <param name="Expected">What the spec says is there (for example <c>number</c>).</param>
public sealed record MusicDrift(string Member, MusicDriftKind Kind, string Found, string Expected)
{
    /// <summary>One line: where, what arrived, what was expected.</summary>
    public override string ToString() => $"{Member}: {Found}, expected {Expected} ({Kind})";
}

/// <summary>The kinds of <see cref="MusicDrift"/>.</summary>
public enum MusicDriftKind
{
    /// <summary>The JSON type differs from the spec's (a string where a number is, an object where a string is).</summary>
    UnexpectedType,

    /// <summary>The type is right but the value cannot be used (a number beyond its range, NaN, a time no calendar holds, a text that is not valid UTF-16).</summary>
    OutOfRange,

    /// <summary>A value of a vendor-controlled set (a status) that the spec does not list; it is kept verbatim.</summary>
    UnknownValue,

    /// <summary>A member the spec does not declare (for example <c>SunoTask.queue_position</c>); it is not read, and stays in <c>Raw</c>.</summary>
    UnknownMember,
}
