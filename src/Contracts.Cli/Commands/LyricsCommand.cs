using System.CommandLine;
using Contracts.Cli.Output;
using Contracts.Cli.Target;
using Contracts.Music;

namespace Contracts.Cli.Commands;

/// <summary><c>contracts lyrics</c>: generate lyrics and print them.</summary>
internal static class LyricsCommand
{
    public static Command Create(TextWriter output, TextWriter error, Interruption interruption)
    {
        var prompt = new Argument<string>("prompt") { Description = "What the lyrics are about." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait.", DefaultValueFactory = _ => 300 };
        var json = GenerateCommand.JsonOption("the lyrics");
        var target = new TargetOptions(interruption);
        var command = new Command("lyrics", "Generate lyrics from a prompt and print them.") { prompt, timeout, json };
        target.AddTo(command);
        command.SetAction((parse, cancellationToken) => Failures.RunAsync(error, parse.GetValue(target.Verbose), target.FollowUp(parse, lyrics: true), async followUp =>
        {
            await using var session = await target.ConnectAsync(parse, error, cancellationToken);
            followUp.Dialect = session.Client.Dialect;
            var lyrics = await session.Client.GenerateLyricsAsync(parse.GetValue(prompt)!, session.WaitOptions(TimeSpan.FromSeconds(parse.GetValue(timeout))), cancellationToken);
            if (parse.GetValue(json))
                await JsonView.WriteAsync(output, JsonView.Lyrics(lyrics));
            if (lyrics.Status != MusicTaskStatus.Succeeded)
            {
                await error.WriteLineAsync($"error: lyrics task {lyrics.TaskId} ended {lyrics.Status}: {lyrics.FailureReason ?? "the vendor gave no reason"}");
                return ExitCodes.Failed;
            }
            if (parse.GetValue(json))
                return ExitCodes.Success;
            await output.WriteLineAsync($"# {lyrics.Title}");
            await output.WriteLineAsync(lyrics.Text);
            return ExitCodes.Success;
        }));
        return command;
    }
}
