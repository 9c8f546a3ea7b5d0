using Contracts.Emulator;

namespace Contracts.Cli.Tests;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM stop a command that is waiting on a song, on the embedded emulator as on a vendor, with
/// exit code 130 (SIGINT) or 143 (SIGTERM). The tool runs as a real child process: signals need one.
/// </summary>
public sealed class InterruptionTests
{
    private const int SigInt = 2;

    /// <summary>Far beyond the fraction of a second a stop takes: a safety net for a hang, not a timing assertion.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    /// <summary>Long enough per state that no song finishes while a test runs.</summary>
    private static readonly TimeSpan SlowStep = TimeSpan.FromSeconds(60);

    public static TheoryData<string, int> Signals() => new() { { "INT", ExitCodes.Interrupted }, { "TERM", ExitCodes.Terminated } };

    [SkippableTheory]
    [MemberData(nameof(Signals))]
    public async Task A_signal_stops_generate_on_the_embedded_emulator(string signal, int exitCode)
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX signals.");
        using var folder = new CliRun();
        await using var cli = CliProcess.Start(folder.Folder, ["generate", "a calm song", "--emulator-step", ((int)SlowStep.TotalMilliseconds).ToString(), "--out", folder.Out]);

        var code = await InterruptWhileWaitingAsync(cli, signal);

        Assert.True(code == exitCode, $"exit code {Describe(code)}, expected {exitCode}.\nstdout:\n{cli.Out}\nstderr:\n{cli.Err}");
        Assert.Contains("using the embedded emulator", cli.Err);
        Assert.DoesNotContain("succeeded", cli.Out);
        // The embedded emulator keeps its tasks in its state file: a later command reads them.
        var taskId = cli.Out.Split('\n').Single(l => l.StartsWith("Submitted to", StringComparison.Ordinal)).Split("task ")[^1].Trim();
        Assert.Contains($"interrupted: task {taskId} stays in the embedded emulator's state file", cli.Err);
        Assert.Contains($"read it with: contracts fetch {taskId}", cli.Err);
    }

    [SkippableTheory]
    [MemberData(nameof(Signals))]
    public async Task A_signal_stops_generate_against_a_vendor_and_says_how_to_read_the_task_later(string signal, int exitCode)
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX signals.");
        await using var emulator = await VendorEmulator.StartAsync(new VendorEmulatorOptions { StepDuration = SlowStep }, TestCancellation.Token);
        using var folder = new CliRun();
        await using var cli = CliProcess.Start(folder.Folder,
            ["generate", "a calm song", "--base-url", emulator.BaseAddress.ToString(), "--dialect", "task", "--api-key", emulator.ApiKey, "--out", folder.Out]);

        var code = await InterruptWhileWaitingAsync(cli, signal);

        Assert.True(code == exitCode, $"exit code {Describe(code)}, expected {exitCode}.\nstdout:\n{cli.Out}\nstderr:\n{cli.Err}");
        var taskId = cli.Out.Split('\n').Single(l => l.StartsWith("Submitted to", StringComparison.Ordinal)).Split("task ")[^1].Trim();
        Assert.Contains($"interrupted: task {taskId} was already submitted", cli.Err);
        Assert.Contains($"contracts fetch {taskId} --base-url {emulator.BaseAddress} --dialect task --api-key <your key>", cli.Err);
        Assert.DoesNotContain(emulator.ApiKey, cli.Err);
    }

    [SkippableTheory]
    [MemberData(nameof(Signals))]
    public async Task A_signal_stops_lyrics_on_the_embedded_emulator(string signal, int exitCode)
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX signals.");
        using var folder = new CliRun();
        await using var cli = CliProcess.Start(folder.Folder, ["lyrics", "the northern lights", "--emulator-step", ((int)SlowStep.TotalMilliseconds).ToString()]);

        await cli.WaitForLineAsync(l => l.Contains("using the embedded emulator", StringComparison.Ordinal), Limit);
        SkipWhenIgnored(cli, signal);
        // The line comes before the lyrics are submitted; the wait that follows is what the signal must end.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await cli.SignalAsync(signal);
        var code = await cli.WaitForExitAsync(Limit);

        Assert.True(code == exitCode, $"exit code {Describe(code)}, expected {exitCode}.\nstdout:\n{cli.Out}\nstderr:\n{cli.Err}");
    }

    [SkippableTheory]
    [MemberData(nameof(Signals))]
    public async Task Emulate_ends_with_0_on_a_signal_its_normal_end(string signal, int _)
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX signals.");
        using var folder = new CliRun();
        await using var cli = CliProcess.Start(folder.Folder, ["emulate", "--port", "0"]);

        await cli.WaitForLineAsync(l => l.StartsWith("Emulator listening on", StringComparison.Ordinal), Limit);
        SkipWhenIgnored(cli, signal);
        await cli.SignalAsync(signal);
        var code = await cli.WaitForExitAsync(Limit);

        Assert.True(code == 0, $"exit code {Describe(code)}, expected 0.\nstdout:\n{cli.Out}\nstderr:\n{cli.Err}");
    }

    /// <summary>Waits for the first progress line (the song is submitted and being waited on), signals, and waits for the end.</summary>
    private static async Task<int?> InterruptWhileWaitingAsync(CliProcess cli, string signal)
    {
        await cli.WaitForLineAsync(l => l.StartsWith("task ", StringComparison.Ordinal) && l.Contains(": pending", StringComparison.Ordinal), Limit);
        SkipWhenIgnored(cli, signal);
        await cli.SignalAsync(signal);
        return await cli.WaitForExitAsync(Limit);
    }

    private static string Describe(int? code) => code?.ToString() ?? $"none: still running {Limit.TotalSeconds:0} s after the signal";

    private static void SkipWhenIgnored(CliProcess cli, string signal) =>
        Skip.If(signal == "INT" && cli.Ignores(SigInt) == true,
            "This test run ignores SIGINT (started as a background job of a non-interactive shell), and so does the tool it starts.");
}
