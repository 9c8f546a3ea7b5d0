namespace Contracts.Emulator.State;

/// <summary>
/// Turns the time since submission into a <see cref="Phase"/>. Nothing is scheduled: the phase is computed on every
/// read from the creation time, so a manual <see cref="TimeProvider"/> moves every task deterministically.
/// </summary>
internal sealed class EmulatorClock(TimeProvider timeProvider, TimeSpan stepDuration)
{
    /// <summary>Steps from submission to the first phase in which the upstream works (streaming, or failing).</summary>
    private const int StartStep = 3;

    /// <summary>Steps from submission to success.</summary>
    private const int FinishStep = 4;

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public TimeSpan StepDuration => stepDuration;

    public Phase PhaseOf(DateTimeOffset createdAt, bool fails)
    {
        var step = StepsSince(createdAt);
        return step switch
        {
            0 => Phase.NotStarted,
            1 => Phase.Submitted,
            2 => Phase.Queued,
            _ when fails => Phase.Failed,
            StartStep => Phase.Streaming,
            _ => Phase.Complete,
        };
    }

    /// <summary>When the upstream started working, or null while it has not.</summary>
    public DateTimeOffset? StartedAt(DateTimeOffset createdAt) => At(createdAt, StartStep);

    /// <summary>When the task reached its final phase, or null while it has not.</summary>
    public DateTimeOffset? FinishedAt(DateTimeOffset createdAt, bool fails) => At(createdAt, fails ? StartStep : FinishStep);

    private DateTimeOffset? At(DateTimeOffset createdAt, int step)
    {
        var at = createdAt + stepDuration * step;
        return StepsSince(createdAt) >= step ? at : null;
    }

    /// <summary>Whole steps elapsed since <paramref name="createdAt"/>; every step at once when the step is zero.</summary>
    public long StepsSince(DateTimeOffset createdAt)
    {
        var elapsed = Now - createdAt;
        if (stepDuration == TimeSpan.Zero)
        {
            return long.MaxValue;
        }
        return elapsed <= TimeSpan.Zero ? 0 : elapsed.Ticks / stepDuration.Ticks;
    }
}
