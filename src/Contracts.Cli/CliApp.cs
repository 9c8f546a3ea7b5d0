using System.CommandLine;
using Contracts.Cli.Commands;

namespace Contracts.Cli;

/// <summary>The command tree of the <c>contracts</c> tool, runnable in-process (tests) or from <c>Program</c>.</summary>
public static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = new RootCommand("contracts: typed contracts for the Suno music API dialects sold by OpenAI-relay vendors.")
        {
            GenerateCommand.Create(output, error),
            LyricsCommand.Create(output, error),
            ConcatCommand.Create(output, error),
            FetchCommand.Create(output, error),
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
        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
