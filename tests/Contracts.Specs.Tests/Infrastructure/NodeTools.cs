using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Contracts.Specs.Tests.Infrastructure;

/// <summary>
/// Whether the spec tools can run here: Node.js 20+ on PATH. Only the spec tooling tests (lint, publish,
/// breaking-change gate) need it; without it they report themselves skipped (CI fails earlier when Node is missing,
/// so there they always run).
/// </summary>
internal static partial class NodeTools
{
    public const string MissingReason = "Node.js 20+ not found";

    private static readonly Lazy<string?> Problem = new(FindProblem);

    /// <summary>Skips the calling test (it must be a [SkippableFact] or [SkippableTheory]) when Node.js 20+ is missing.</summary>
    public static void SkipUnlessAvailable()
    {
        Skip.If(Problem.Value is not null, $"{MissingReason} ({Problem.Value}); the spec tooling needs it, the C# code does not.");
        // Node is here, so the build of this project ran `npm ci` (build/Contracts.SpecTools.targets): missing tools are a defect, not a skip.
        if (!Directory.Exists(Path.Combine(Repository.Root, "node_modules", "@redocly")))
            throw new InvalidOperationException($"Node.js is on PATH but the spec tools are not installed in {Path.Combine(Repository.Root, "node_modules")}; build tests/Contracts.Specs.Tests (it runs npm ci) or run npm ci.");
    }

    private static string? FindProblem()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            var match = VersionPattern().Match(version);
            if (process.ExitCode != 0 || !match.Success) return $"'node --version' exited {process.ExitCode} with '{version}'";
            return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 20 ? null : $"found {version}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "no 'node' on PATH";
        }
    }

    [GeneratedRegex(@"^v(\d+)\.")]
    private static partial Regex VersionPattern();
}
