using System.CommandLine;
using Contracts.Validation;

namespace Contracts.Cli;

/// <summary>The command tree of the <c>contracts</c> tool, runnable in-process (tests) or from <c>Program</c>.</summary>
public static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = new RootCommand("contracts: typed contracts for the Suno music API dialects sold by OpenAI-relay vendors.")
        {
            ValidateCommand.Create(output, error),
        };
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }
            await error.WriteLineAsync("Run 'contracts --help' or 'contracts validate --help' for usage.");
            return ExitCodes.UsageOrInput;
        }
        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
