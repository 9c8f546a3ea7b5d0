using System.CommandLine;
using Contracts.Cli.Output;
using Contracts.Cli.Target;
using Contracts.Music;
using Spectre.Console;

namespace Contracts.Cli.Commands;

/// <summary><c>contracts inspect</c>: normalize a saved vendor payload and print the facade's view of it.</summary>
internal static class InspectCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A saved vendor payload (a task, a task list, a feed, lyrics, a submit answer)." };
        var dialect = new Option<string>("--dialect", "-d") { Description = $"The dialect it is in: {DialectNames.Listing}.", Required = true };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print full exception details on failure." };
        var json = GenerateCommand.JsonOption("the tasks (\"tasks\": [...])");
        var command = new Command("inspect", "Show how the facade reads a saved vendor payload: tasks, statuses, clips.") { file, dialect, verbose, json };
        command.SetAction((parse, cancellationToken) => Failures.RunAsync(error, parse.GetValue(verbose), async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
                throw new CliUsageException($"File not found: {path.FullName}");
            var tasks = MusicClient.ReadPayload(DialectNames.Parse(parse.GetValue(dialect)!), await File.ReadAllTextAsync(path.FullName, cancellationToken));
            if (parse.GetValue(json))
            {
                await JsonView.WriteAsync(output, new System.Text.Json.Nodes.JsonObject
                {
                    ["tasks"] = new System.Text.Json.Nodes.JsonArray(tasks.Select(t => (System.Text.Json.Nodes.JsonNode)JsonView.Task(t)).ToArray()),
                });
                return ExitCodes.Success;
            }
            var console = Consoles.For(output);
            if (tasks.Count == 0)
                console.WriteLine("This payload describes no task (for example an upload step).");
            foreach (var task in tasks)
                TaskView.WriteTask(console, task);
            return ExitCodes.Success;
        }));
        return command;
    }
}
