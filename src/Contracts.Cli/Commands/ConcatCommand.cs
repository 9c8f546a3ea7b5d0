using System.CommandLine;
using Contracts.Cli.Output;
using Contracts.Cli.Target;
using Contracts.Music;
using Spectre.Console;

namespace Contracts.Cli.Commands;

/// <summary><c>contracts concat</c>: join an extended clip with its ancestors into a full song, wait, download.</summary>
internal static class ConcatCommand
{
    public static Command Create(TextWriter output, TextWriter error, Interruption interruption)
    {
        var clip = new Argument<string>("clipId") { Description = "The last clip of an extension chain." };
        var outFolder = new Option<DirectoryInfo>("--out") { Description = "Where to save the audio.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait.", DefaultValueFactory = _ => 600 };
        var json = GenerateCommand.JsonOption();
        var target = new TargetOptions(interruption);
        var command = new Command("concat", "Concatenate an extended clip into a full song (GoAmz v3.0), wait for it and download it.") { clip, outFolder, timeout, json };
        target.AddTo(command);
        command.SetAction((parse, cancellationToken) => Failures.RunAsync(error, parse.GetValue(target.Verbose), target.FollowUp(parse), async followUp =>
        {
            // Only GoAmz v3.0 has concat: the embedded emulator speaks it unless --dialect says otherwise.
            await using var session = await target.ConnectAsync(parse, error, cancellationToken, _ => MusicDialect.GoAmzV30);
            followUp.Dialect = session.Client.Dialect;
            if (session.Client.Capabilities.Concat)
                session.RequireClip(parse.GetValue(clip)!, TargetOptions.StatePath(parse.GetValue(target.State)));
            var asJson = parse.GetValue(json);
            var console = Consoles.For(asJson ? error : output);
            var taskId = await session.Client.ConcatAsync(parse.GetValue(clip)!, cancellationToken);
            console.WriteLine($"Submitted concat to {session.Client.Vendor}: task {taskId}");
            var task = await GenerateCommand.WaitAsync(console, error, session, taskId, followUp, TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken);
            return await GenerateCommand.FinishAsync(console, error, task, parse.GetValue(outFolder)!, asJson ? output : null, cancellationToken);
        }));
        return command;
    }
}
