using System.CommandLine;
using Contracts.Cli.Output;
using Contracts.Cli.Target;
using Contracts.Music;
using Spectre.Console;

namespace Contracts.Cli.Commands;

/// <summary><c>contracts generate</c>: submit a song, show its progress, print its clips and download their audio.</summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter output, TextWriter error, Interruption interruption)
    {
        var description = new Argument<string?>("description") { Description = "Inspiration mode: what the song is about.", Arity = ArgumentArity.ZeroOrOne };
        var lyrics = new Option<FileInfo?>("--lyrics") { Description = "Custom mode: a text file with the lyrics." };
        var tags = new Option<string?>("--tags") { Description = "Custom mode: style tags, e.g. \"epic reggae\"." };
        var title = new Option<string?>("--title") { Description = "Custom mode: the title." };
        var instrumental = new Option<bool>("--instrumental") { Description = "No vocals." };
        var model = new Option<string?>("--model") { Description = "The model, e.g. chirp-v3-5 (default: the vendor's)." };
        var continueClip = new Option<string?>("--continue") { Description = "Continue this clip id." };
        var at = new Option<double?>("--at") { Description = "With --continue: the second to continue from." };
        var outFolder = new Option<DirectoryInfo>("--out") { Description = "Where to save the audio.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the song.", DefaultValueFactory = _ => 600 };
        var json = JsonOption();
        var target = new TargetOptions(interruption);

        var command = new Command("generate", "Generate a song: submit, watch it progress, print its clips, download their audio.")
        {
            description, lyrics, tags, title, instrumental, model, continueClip, at, outFolder, timeout, json,
        };
        target.AddTo(command);
        command.SetAction((parse, cancellationToken) => Failures.RunAsync(error, parse.GetValue(target.Verbose), target.FollowUp(parse), async followUp =>
        {
            var request = await BuildRequestAsync(parse.GetValue(description), parse.GetValue(lyrics), parse.GetValue(tags), parse.GetValue(title),
                parse.GetValue(instrumental), parse.GetValue(model), parse.GetValue(continueClip), parse.GetValue(at), cancellationToken);
            await using var session = await target.ConnectAsync(parse, error, cancellationToken);
            followUp.Dialect = session.Client.Dialect;
            if (request.ContinueClipId is { } parent && session.Client.Capabilities.Continuation)
                session.RequireClip(parent, TargetOptions.StatePath(parse.GetValue(target.State)));
            var asJson = parse.GetValue(json);
            var console = Consoles.For(asJson ? error : output);
            var taskId = await session.Client.SubmitAsync(request, cancellationToken);
            console.WriteLine($"Submitted to {session.Client.Vendor} ({DialectNames.Format(session.Client.Dialect)}): task {taskId}");
            var task = await WaitAsync(console, error, session, taskId, followUp, TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken);
            return await FinishAsync(console, error, task, parse.GetValue(outFolder)!, asJson ? output : null, cancellationToken);
        }));
        return command;
    }

    /// <summary>Waits with a live status on a terminal and one line per change everywhere; interrupted, it says how to
    /// read the task later (it goes on at the vendor).</summary>
    internal static async Task<MusicTask> WaitAsync(IAnsiConsole console, TextWriter error, MusicSession session, string taskId, TaskFollowUp followUp,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await WaitAsync(console, session, taskId, timeout, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (Failures.Interrupted(taskId, followUp) is { } line)
                await error.WriteLineAsync(line);
            throw;
        }
    }

    private static async Task<MusicTask> WaitAsync(IAnsiConsole console, MusicSession session, string taskId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var options = session.WaitOptions(timeout);
        MusicTask? last = null;
        async Task Watch(StatusContext? status)
        {
            await foreach (var snapshot in session.Client.WatchAsync(taskId, options, cancellationToken))
            {
                last = snapshot;
                console.WriteLine(TaskView.Summary(snapshot));
                status?.Status(Markup.Escape($"{snapshot.Status} {snapshot.ProgressPercent?.ToString() ?? ""}"));
            }
        }
        if (console.Profile.Capabilities.Interactive)
            await console.Status().StartAsync("waiting for the vendor", Watch);
        else
            await Watch(null);
        return last!;
    }

    /// <summary><c>--json</c>: one JSON document on stdout instead of the table (see <see cref="JsonView"/>).</summary>
    internal static Option<bool> JsonOption(string what = "the finished task") => new("--json")
    {
        Description = $"Print {what} as one JSON document on stdout (the normalized view, the vendor's JSON under \"raw\"); progress goes to stderr.",
    };

    /// <summary>Shows the final task: the clips table on <paramref name="console"/>, or the task document on
    /// <paramref name="json"/> when it is given; downloads the audio of a song that succeeded.</summary>
    internal static async Task<int> FinishAsync(IAnsiConsole console, TextWriter error, MusicTask task, DirectoryInfo outFolder, TextWriter? json,
        CancellationToken cancellationToken)
    {
        if (task.Status != MusicTaskStatus.Succeeded)
        {
            if (json is not null)
                await JsonView.WriteAsync(json, JsonView.Task(task));
            else
                TaskView.WriteClips(console, task.Clips);
            await error.WriteLineAsync($"error: task {task.Id} ended {task.Status}: {task.FailureReason ?? "the vendor gave no reason"}");
            return ExitCodes.Failed;
        }
        var files = await AudioDownloader.DownloadAsync(task.Clips, outFolder, cancellationToken);
        if (json is not null)
            await JsonView.WriteAsync(json, JsonView.Task(task, files));
        else
            TaskView.WriteClips(console, task.Clips, files);
        foreach (var file in files.Values)
            console.WriteLine($"saved {file} ({new FileInfo(file).Length} bytes)");
        return ExitCodes.Success;
    }

    private static async Task<MusicRequest> BuildRequestAsync(string? description, FileInfo? lyricsFile, string? tags, string? title, bool instrumental,
        string? model, string? continueClip, double? at, CancellationToken cancellationToken)
    {
        if (description is not null && lyricsFile is not null)
            throw new CliUsageException("Give a description (inspiration mode) or --lyrics (custom mode), not both.");
        if (description is null && lyricsFile is null && !instrumental)
            throw new CliUsageException("Give a description, e.g. contracts generate \"a calm song about the sea\", or --lyrics <file> --tags ... --title ... (or --instrumental).");
        if (at is not null && continueClip is null)
            throw new CliUsageException("--at goes with --continue <clipId>.");
        if (lyricsFile is not null && !lyricsFile.Exists)
            throw new CliUsageException($"Lyrics file not found: {lyricsFile.FullName}");
        return new MusicRequest
        {
            Description = description,
            Lyrics = lyricsFile is null ? null : await File.ReadAllTextAsync(lyricsFile.FullName, cancellationToken),
            Tags = tags,
            Title = title,
            Instrumental = instrumental,
            Model = string.IsNullOrWhiteSpace(model) ? (MusicModel?)null : new MusicModel(model),
            ContinueClipId = continueClip,
            ContinueAt = at is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
    }
}
