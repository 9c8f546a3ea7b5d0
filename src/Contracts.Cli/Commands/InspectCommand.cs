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
        var command = new Command("inspect", "Show how the facade reads a saved vendor payload: tasks, statuses, clips, and where it drifts from the spec.") { file, dialect, verbose, json };
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
            WriteDrift(console, parse.GetValue(dialect)!, tasks);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// The drift monitor for one saved payload: every member that did not match the dialect's spec (an unknown status,
    /// a value of an unexpected type or out of range), the same items the facade counts in <c>music.client.drift</c>.
    /// </summary>
    private static void WriteDrift(Spectre.Console.IAnsiConsole console, string dialect, IReadOnlyList<MusicTask> tasks)
    {
        var items = tasks.SelectMany(t => t.Drift.Select(d => (t.Id, Drift: d))).ToList();
        if (items.Count == 0)
        {
            console.WriteLine($"drift: none (everything read matches the {dialect} spec)");
            return;
        }
        console.WriteLine($"drift: {items.Count} item(s) do not match the {dialect} spec (read anyway; the spec may need an update):");
        foreach (var (id, drift) in items)
            console.WriteLine(tasks.Count > 1 ? $"  task {id}: {drift}" : $"  {drift}");
    }
}
