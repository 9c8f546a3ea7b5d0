using System.CommandLine;
using System.Text.Json;
using Contracts.Cli.Output;
using Contracts.Cli.Target;

namespace Contracts.Cli.Commands;

/// <summary><c>contracts fetch</c>: read one task and print the facade's view of it, or the vendor's JSON.</summary>
internal static class FetchCommand
{
    public static Command Create(TextWriter output, TextWriter error, Interruption interruption)
    {
        var id = new Argument<string>("taskId") { Description = "The task id a submit returned." };
        var json = new Option<bool>("--json") { Description = "Print the vendor's task JSON as received instead of the table." };
        var target = new TargetOptions(interruption);
        var command = new Command("fetch", "Read one task and print its status and clips.") { id, json };
        target.AddTo(command);
        command.SetAction((parse, cancellationToken) => Failures.RunAsync(error, parse.GetValue(target.Verbose), async () =>
        {
            await using var session = await target.ConnectAsync(parse, output, cancellationToken);
            var task = await session.Client.GetTaskAsync(parse.GetValue(id)!, cancellationToken);
            if (parse.GetValue(json))
                await output.WriteLineAsync(JsonSerializer.Serialize(task.Raw, new JsonSerializerOptions { WriteIndented = true }));
            else
                TaskView.WriteTask(Consoles.For(output), task);
            return ExitCodes.Success;
        }));
        return command;
    }
}
