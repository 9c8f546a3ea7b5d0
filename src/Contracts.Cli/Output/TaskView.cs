using System.Globalization;
using Contracts.Music;
using Spectre.Console;

namespace Contracts.Cli.Output;

/// <summary>How the tool shows the facade's models: one summary line per task and a table of clips.</summary>
internal static class TaskView
{
    public static string Summary(MusicTask task)
    {
        var progress = task.ProgressPercent is { } percent ? $" {percent}%" : "";
        var clips = task.Clips.Count == 0 ? "" : $", clips: {string.Join(", ", task.Clips.Select(c => c.VendorStatus ?? c.Status.Value))}";
        var failure = task.FailureReason is { } reason ? $", reason: {reason}" : "";
        return $"task {task.Id}: {task.Status}{progress} (vendor: {task.VendorStatus ?? "-"}{clips}{failure})";
    }

    public static void WriteClips(IAnsiConsole console, IReadOnlyList<MusicClip> clips, IReadOnlyDictionary<string, string>? files = null)
    {
        if (clips.Count == 0)
        {
            console.WriteLine("No clips.");
            return;
        }
        var table = new Table().AddColumns("clip", "title", "status", "duration", "model", "audio");
        foreach (var clip in clips)
        {
            var audio = files is not null && files.TryGetValue(clip.Id, out var file) ? file : clip.AudioUrl?.ToString() ?? "-";
            table.AddRow(
                Markup.Escape(clip.Id),
                Markup.Escape(clip.Title ?? "-"),
                Markup.Escape(clip.Status.Value),
                clip.Duration is { } d ? d.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s" : "-",
                Markup.Escape(clip.Model?.Value ?? "-"),
                Markup.Escape(audio));
        }
        console.Write(table);
    }

    public static void WriteTask(IAnsiConsole console, MusicTask task)
    {
        console.WriteLine(Summary(task));
        if (task.SubmittedAt is { } submitted) console.WriteLine($"submitted: {submitted:O}");
        if (task.FinishedAt is { } finished) console.WriteLine($"finished:  {finished:O}");
        if (task.Lyrics is { } lyrics)
        {
            console.WriteLine($"lyrics: {lyrics.Title}");
            console.WriteLine(lyrics.Text ?? "");
        }
        WriteClips(console, task.Clips);
    }
}
