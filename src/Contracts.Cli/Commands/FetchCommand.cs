using System.CommandLine;
using Contracts.Cli.Output;
using Contracts.Cli.Target;

namespace Contracts.Cli.Commands;

/// <summary><c>contracts fetch</c>: read one task and print the facade's view of it, or the vendor's JSON.</summary>
internal static class FetchCommand
{
    public static Command Create(TextWriter output, TextWriter error, Interruption interruption)
    {
        var id = new Argument<string>("taskId") { Description = "The task id a submit returned." };
        var json = GenerateCommand.JsonOption("the task");
        var target = new TargetOptions(interruption);
        var command = new Command("fetch", "Read one task and print its status and clips.") { id, json };
        target.AddTo(command);
        command.SetAction((parse, cancellationToken) => Failures.RunAsync(error, parse.GetValue(target.Verbose), async () =>
        {
            var taskId = parse.GetValue(id)!;
            // The embedded emulator answers in the dialect whose API made the task (each dialect reads only its own).
            await using var session = await target.ConnectAsync(parse, error, cancellationToken,
                emulator => emulator.FindTaskDialect(taskId) is { } name ? DialectNames.Parse(name) : null);
            if (session.Emulator is { } emulator && emulator.FindTaskDialect(taskId) is null)
                throw new CliUsageException($"The embedded emulator has no task {taskId} in its state file {TargetOptions.StatePath(parse.GetValue(target.State))}. "
                    + "Give the --state file the task was made with, or --vendor/--base-url for a task of a vendor.");
            var task = await session.Client.GetTaskAsync(taskId, cancellationToken);
            if (parse.GetValue(json))
                await JsonView.WriteAsync(output, JsonView.Task(task));
            else
                TaskView.WriteTask(Consoles.For(output), task);
            return ExitCodes.Success;
        }));
        return command;
    }
}
