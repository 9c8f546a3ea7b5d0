using System.CommandLine;
using Contracts.Cli.Commands;

namespace Contracts.Cli;

/// <summary>The command tree of the <c>contracts</c> tool, runnable in-process (tests) or from <c>Program</c>.</summary>
public static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the command's output goes.</param>
    /// <param name="error">Where its errors go.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <param name="handleSignals">
    /// The process's own run (<c>Program</c>): Ctrl+C (SIGINT) and SIGTERM cancel the command, which then ends with
    /// <see cref="ExitCodes.Interrupted"/> or <see cref="ExitCodes.Terminated"/> (see <see cref="Interruption"/>); a command
    /// whose normal end is the signal (<c>emulate</c>) still ends with 0. Off in-process (tests), where the signals are
    /// the host's.
    /// </param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken, bool handleSignals = false)
    {
        using var interruption = new Interruption(cancellationToken, handleSignals);
        var root = new RootCommand("contracts: typed contracts for the Suno music API dialects sold by OpenAI-relay vendors.")
        {
            GenerateCommand.Create(output, error, interruption),
            LyricsCommand.Create(output, error, interruption),
            ConcatCommand.Create(output, error, interruption),
            FetchCommand.Create(output, error, interruption),
            InspectCommand.Create(output, error),
            VendorsCommand.Create(output),
            EmulateCommand.Create(output, error),
            ValidateCommand.Create(output, error),
        };
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }
            await error.WriteLineAsync("Run 'contracts --help' or 'contracts <command> --help' for usage.");
            return ExitCodes.UsageOrInput;
        }

        // The signals are ours (Interruption). System.CommandLine 2.0 handles none by default (ProcessTerminationTimeout
        // is null), and its handler could not be re-registered after a host the command starts (the embedded emulator).
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        var invocation = parseResult.InvokeAsync(configuration, interruption.Token);
        var first = await Task.WhenAny(invocation, interruption.GraceExpiredAsync());
        if (first != invocation)
        {
            await error.WriteLineAsync($"error: the command did not stop within {Interruption.GracePeriod.TotalSeconds:0} s of the signal; exiting.");
            return interruption.ExitCode!.Value;
        }
        var code = await invocation;
        return interruption.ExitCode is { } signalled && code != ExitCodes.Success ? signalled : code;
    }
}
