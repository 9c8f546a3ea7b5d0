using System.Collections.Frozen;
using Contracts.Clients;

namespace Contracts.Music;

/// <summary>
/// The tables that map each dialect's wire status values to <see cref="MusicTaskStatus"/>. Lookups ignore case
/// (relays differ in case); a value not in the table is kept verbatim, never an error. The rows are the dialects' own,
/// stated once in <see cref="DialectCatalog"/> (<see cref="DialectDescriptor.TaskStatuses"/> and
/// <see cref="DialectCatalog.ClipStatuses"/>); these tables give them the facade's status type.
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
    public static IReadOnlyDictionary<string, MusicTaskStatus> Task { get; } = Table(DialectCatalog.Task.TaskStatuses);

    /// <summary>Suno clip statuses, in every dialect that carries clips (and native v2 lyrics).</summary>
    public static IReadOnlyDictionary<string, MusicTaskStatus> Clip { get; } = Table(DialectCatalog.ClipStatuses);

    /// <summary>GoAmz task statuses (both GoAmz dialects): <c>completed</c> is the only one a page shows; the rest are what GoAmz relays send.</summary>
    public static IReadOnlyDictionary<string, MusicTaskStatus> GoAmz { get; } = Table(DialectCatalog.GoAmzV35.TaskStatuses);

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

    /// <summary>The facade's status for a state of the dialects' common vocabulary.</summary>
    internal static MusicTaskStatus ToMusicTaskStatus(DialectStatus status) => status switch
    {
        DialectStatus.Pending => MusicTaskStatus.Pending,
        DialectStatus.Queued => MusicTaskStatus.Queued,
        DialectStatus.Running => MusicTaskStatus.Running,
        DialectStatus.Streaming => MusicTaskStatus.Streaming,
        DialectStatus.Succeeded => MusicTaskStatus.Succeeded,
        DialectStatus.Failed => MusicTaskStatus.Failed,
        DialectStatus.Unknown => MusicTaskStatus.Unknown,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown dialect status."),
    };

    private static FrozenDictionary<string, MusicTaskStatus> Table(IReadOnlyDictionary<string, DialectStatus> rows) =>
        rows.ToFrozenDictionary(r => r.Key, r => ToMusicTaskStatus(r.Value), StringComparer.OrdinalIgnoreCase);
}
