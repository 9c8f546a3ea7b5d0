using System.Diagnostics;

namespace Contracts.Specs.Tests.Infrastructure;

/// <summary>What a finished process said and how it exited.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both streams, for assertion messages and for text checks that do not care which stream.</summary>
    public string Output => StandardOutput + StandardError;
}

/// <summary>Runs the repository's tools (node scripts, dotnet pack) the way CI does, from the repository root.</summary>
internal static class ProcessRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Runs <c>node &lt;script&gt; args</c>; the script path is relative to the repository root. Skips the calling
    /// test when Node.js 20+ is missing (<see cref="NodeTools"/>), so every caller is a skippable test.
    /// </summary>
    public static Task<ProcessResult> NodeAsync(string script, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        NodeTools.SkipUnlessAvailable();
        return RunAsync("node", [Path.Combine(Repository.Root, script), .. arguments], cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="fileName"/> in <paramref name="workingDirectory"/> (default: the repository root), with
    /// <paramref name="environment"/> added to this process's environment.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The tools must not reach the network from a test: Redocly's telemetry off, no update checks.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}
