using Snapshooter;
using Snapshooter.Xunit;
using Xunit.Sdk;

namespace Contracts.Tests;

/// <summary>
/// Snapshooter.Xunit's <c>Snapshot.Match</c>, plus the two rules this repository's CI relies on: under <c>CI=true</c> a
/// missing snapshot fails instead of being written (CI must never invent its own expectations), and a failure names
/// the committed snapshot and the file holding what the test produced, so the reviewer knows what to compare.
/// Snapshots live in <c>__snapshots__/</c> beside the test's source file; a mismatch is written to
/// <c>__snapshots__/__mismatch__/</c>. To accept a reviewed change, move that file over the snapshot.
/// </summary>
internal static class Snapshots
{
    /// <summary>Matches <paramref name="actual"/> against the snapshot of the calling test (one per theory row with <paramref name="name"/>).</summary>
    public static void Match(object actual, SnapshotNameExtension? name = null, Func<MatchOptions, MatchOptions>? options = null) =>
        Match(actual, name is null ? Snapshot.FullName() : Snapshot.FullName(name), options);

    /// <summary>Matches <paramref name="actual"/> against the snapshot with this exact name (for a file other tools read too).</summary>
    public static void Match(object actual, string snapshotName, Func<MatchOptions, MatchOptions>? options = null) =>
        Match(actual, Snapshot.FullName(snapshotName), options);

    private static void Match(object actual, SnapshotFullName fullName, Func<MatchOptions, MatchOptions>? options)
    {
        // Snapshooter's folder is the test source's folder; it keeps its files under __snapshots__ there.
        var snapshot = Path.Combine(fullName.FolderPath, "__snapshots__", fullName.Filename);
        var mismatch = Path.Combine(fullName.FolderPath, "__snapshots__", "__mismatch__", fullName.Filename);
        if (!File.Exists(snapshot) && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new XunitException($"Snapshot {snapshot} is missing under CI=true. Run the tests locally (without CI=true) to write it, review it and commit it.");
        // A mismatch file left by an earlier run must not be taken for this run's.
        if (File.Exists(mismatch))
            File.Delete(mismatch);
        try
        {
            Snapshot.Match(actual, fullName, options ?? (o => o));
        }
        catch (Exception error) when (File.Exists(mismatch))
        {
            throw new XunitException(
                $"Snapshot {snapshot} does not match.\n" +
                $"What the test produced: {mismatch}\n" +
                $"Review the difference; to accept it, move that file over the snapshot and commit it.\n{error.Message}");
        }
    }
}
