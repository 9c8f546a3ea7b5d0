using System.Globalization;
using Contracts.Music.Wire;

namespace Contracts.Music.Dialects;

/// <summary>
/// The conversions from generated members to normalized ones that every dialect shares. A value the type allows but
/// the model cannot hold (a duration beyond <see cref="TimeSpan"/>, a unix time past year 9999, a status no spec
/// lists) becomes null or is kept verbatim, and is reported to the answer's drift log.
/// </summary>
internal static class Normalize
{
    /// <summary>A wire status through one of <see cref="MusicStatusMap"/>'s tables; a value the table lacks is kept and reported.</summary>
    public static MusicTaskStatus Status(IReadOnlyDictionary<string, MusicTaskStatus> table, string? wire, string member, DriftLog drift)
    {
        var status = MusicStatusMap.Map(table, wire);
        if (!status.IsKnown)
            drift.Add(new MusicDrift(member, MusicDriftKind.UnknownValue, $"\"{wire}\"", "a status the spec lists"));
        return status;
    }

    /// <summary>Seconds as a <see cref="TimeSpan"/>; negative or beyond its range is null and reported.</summary>
    public static TimeSpan? Seconds(double? seconds, string member, DriftLog drift)
    {
        if (seconds is not { } value)
            return null;
        // TimeSpan holds about 29,000 years; a vendor number beyond that is no duration.
        if (value >= 0 && value < TimeSpan.MaxValue.TotalSeconds)
            return TimeSpan.FromSeconds(value);
        drift.Add(new MusicDrift(member, MusicDriftKind.OutOfRange, "number " + value.ToString("R", CultureInfo.InvariantCulture), "seconds, 0 or more"));
        return null;
    }

    /// <summary>Unix seconds (or milliseconds when too large for seconds) as a time; a value no calendar holds is null and reported.</summary>
    public static DateTimeOffset? UnixTime(long? unix, string member, DriftLog drift)
    {
        if (unix is not { } value || value == 0)
            return null;
        if (Tolerant.FromUnix(value) is { } time)
            return time;
        drift.Add(new MusicDrift(member, MusicDriftKind.OutOfRange, "number " + value.ToString(CultureInfo.InvariantCulture), "unix seconds or milliseconds up to year 9999"));
        return null;
    }

    /// <summary>Text or null: an empty string carries nothing.</summary>
    public static string? Text(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>A model name, or null when missing or blank.</summary>
    public static MusicModel? Model(string? name) => string.IsNullOrWhiteSpace(name) ? (MusicModel?)null : new MusicModel(name);

    /// <summary>The task dialect's progress text ("50%") as a number.</summary>
    public static int? Percent(string? progress) =>
        int.TryParse(progress?.TrimEnd('%').Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent) ? percent : null;
}
