namespace Contracts.Emulator.State;

/// <summary>
/// Where a task (and its clips) stands, independent of dialect. Each dialect names these in its own words
/// (task: NOT_START..SUCCESS; native: submitted..complete; GoAmz: pending..completed).
/// </summary>
internal enum Phase
{
    NotStarted,
    Submitted,
    Queued,
    Streaming,
    Complete,
    Failed,
}

internal static class PhaseExtensions
{
    public static bool IsFinal(this Phase phase) => phase is Phase.Complete or Phase.Failed;

    /// <summary>True once clips exist with audio being produced or done.</summary>
    public static bool HasClipsVisible(this Phase phase) => phase != Phase.NotStarted;
}
