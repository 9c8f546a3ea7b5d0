namespace Contracts.Tests;

/// <summary>
/// The token every test passes to what it awaits. xunit 2 has no per-test token (xunit.v3 had
/// <c>TestCancellation.Token</c>), and a call that never returns would stall the whole run; this one is
/// cancelled after two minutes, far beyond any test's normal time, so a hang fails its own test with
/// <see cref="OperationCanceledException"/> instead. It is a safety net, not a timing assertion.
/// </summary>
internal static class TestCancellation
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>A fresh token for the calling test, cancelled after the limit.</summary>
    public static CancellationToken Token => new CancellationTokenSource(Limit).Token;
}
