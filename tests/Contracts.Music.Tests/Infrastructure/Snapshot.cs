using System.Runtime.CompilerServices;

namespace Contracts.Music.Tests.Infrastructure;

/// <summary>
/// A small snapshot helper (Snapshooter and Verify cannot be restored here). Snapshots live in <c>__snapshots__/</c>
/// next to this project's sources and are reviewed like code. A missing snapshot is written and the test passes,
/// except under <c>CI=true</c>, where it fails: CI must never invent its own expectations. Set
/// <c>UPDATE_SNAPSHOTS=1</c> to rewrite snapshots that differ.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(ProjectDirectory(callerFile), "__snapshots__");
        var path = Path.Combine(directory, name);
        actual = actual.ReplaceLineEndings("\n");
        if (!File.Exists(path))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail($"Snapshot {name} is missing under CI=true. Run the tests locally to write it, review it, and commit it.");
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual)
            return;
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.Fail($"Snapshot {name} differs (UPDATE_SNAPSHOTS=1 rewrites it after review).\n{FirstDifference(expected, actual)}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right)
                return $"line {i + 1}:\n  expected: {left}\n  actual:   {right}";
        }
        return "(only line endings differ)";
    }

    // The caller's source file sits in this project (or a folder of it); the project folder holds the .csproj.
    private static string ProjectDirectory(string callerFile)
    {
        var directory = Path.GetDirectoryName(callerFile);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Contracts.Music.Tests.csproj")))
            directory = Path.GetDirectoryName(directory);
        return directory ?? throw new InvalidOperationException($"No Contracts.Music.Tests.csproj above {callerFile}.");
    }
}
