using System.Collections.Frozen;

namespace Contracts.Music;

/// <summary>
/// The one table that maps each dialect's wire status values to <see cref="MusicTaskStatus"/>. Lookups ignore case
/// (relays differ in case); a value not in the table is kept verbatim, never an error.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>wire value (where)</term><description>normalized</description></listheader>
/// <item><term>NOT_START, SUBMITTED (task); submitted (clips); pending (GoAmz)</term><description>Pending</description></item>
/// <item><term>QUEUED (task); queued (clips, GoAmz)</term><description>Queued</description></item>
/// <item><term>IN_PROGRESS (task); processing, running (GoAmz)</term><description>Running</description></item>
/// <item><term>streaming (clips, GoAmz)</term><description>Streaming</description></item>
/// <item><term>SUCCESS (task); complete (clips); completed, complete, success (GoAmz)</term><description>Succeeded</description></item>
/// <item><term>FAILURE (task); error (clips); failed, error (GoAmz)</term><description>Failed</description></item>
/// <item><term>UNKNOWN (task)</term><description>Unknown</description></item>
/// </list>
/// </remarks>
public static class MusicStatusMap
{
    /// <summary>Task-level statuses of the task dialect (seven documented values).</summary>
    public static IReadOnlyDictionary<string, MusicTaskStatus> Task { get; } = Table(
        ("NOT_START", MusicTaskStatus.Pending),
        ("SUBMITTED", MusicTaskStatus.Pending),
        ("QUEUED", MusicTaskStatus.Queued),
        ("IN_PROGRESS", MusicTaskStatus.Running),
        ("SUCCESS", MusicTaskStatus.Succeeded),
        ("FAILURE", MusicTaskStatus.Failed),
        ("UNKNOWN", MusicTaskStatus.Unknown));

    /// <summary>Suno clip statuses, in every dialect that carries clips (and native v2 lyrics).</summary>
    public static IReadOnlyDictionary<string, MusicTaskStatus> Clip { get; } = Table(
        ("submitted", MusicTaskStatus.Pending),
        ("queued", MusicTaskStatus.Queued),
        ("streaming", MusicTaskStatus.Streaming),
        ("complete", MusicTaskStatus.Succeeded),
        ("error", MusicTaskStatus.Failed));

    /// <summary>GoAmz task statuses: <c>completed</c> is the only one a page shows; the rest are what GoAmz relays send.</summary>
    public static IReadOnlyDictionary<string, MusicTaskStatus> GoAmz { get; } = Table(
        ("pending", MusicTaskStatus.Pending),
        ("submitted", MusicTaskStatus.Pending),
        ("queued", MusicTaskStatus.Queued),
        ("processing", MusicTaskStatus.Running),
        ("running", MusicTaskStatus.Running),
        ("streaming", MusicTaskStatus.Streaming),
        ("completed", MusicTaskStatus.Succeeded),
        ("complete", MusicTaskStatus.Succeeded),
        ("success", MusicTaskStatus.Succeeded),
        ("failed", MusicTaskStatus.Failed),
        ("error", MusicTaskStatus.Failed));

    /// <summary>Maps <paramref name="wireValue"/> through <paramref name="table"/>; unknown values are kept verbatim, a missing one is <see cref="MusicTaskStatus.Unknown"/>.</summary>
    /// <param name="table">One of <see cref="Task"/>, <see cref="Clip"/>, <see cref="GoAmz"/>.</param>
    /// <param name="wireValue">The vendor's value.</param>
    public static MusicTaskStatus Map(IReadOnlyDictionary<string, MusicTaskStatus> table, string? wireValue)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (string.IsNullOrEmpty(wireValue))
            return MusicTaskStatus.Unknown;
        return table.TryGetValue(wireValue, out var status) ? status : new MusicTaskStatus(wireValue);
    }

    private static FrozenDictionary<string, MusicTaskStatus> Table(params (string Wire, MusicTaskStatus Status)[] rows) =>
        rows.ToFrozenDictionary(r => r.Wire, r => r.Status, StringComparer.OrdinalIgnoreCase);
}
