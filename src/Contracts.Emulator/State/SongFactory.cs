using Contracts.Clients;
using Contracts.Emulator.Content;

namespace Contracts.Emulator.State;

/// <summary>
/// Creates tasks, clips, lyrics and uploads the way Suno would: two clips per generation, continuations that name
/// their parent in <c>history</c>, concatenations that list the chain in <c>concat_history</c>, and a failure with a
/// reason when a prompt carries the configured marker.
/// </summary>
internal sealed class SongFactory(EmulatorStore store, EmulatorClock clock, VendorEmulatorOptions options)
{
    private static readonly string[] StyleTags = ["synth pop", "acoustic folk", "lo-fi hip hop", "epic orchestral", "indie rock"];

    public string FailReason => $"Emulated failure: the prompt contains the failure marker '{options.FailureMarker}'.";

    public bool CarriesFailureMarker(params string?[] texts)
        => texts.Any(t => t is not null && t.Contains(options.FailureMarker, StringComparison.OrdinalIgnoreCase));

    /// <summary>A generation (or continuation of <paramref name="parent"/>) with two clips.</summary>
    public EmulatedTask SubmitMusic(DialectDescriptor dialect, string taskId, MusicRequest request, string inputEcho, EmulatedClip? parent, string? notifyHook = null)
    {
        var now = clock.Now;
        var fails = CarriesFailureMarker(request.Prompt, request.GptDescriptionPrompt, request.Title);
        var description = request.GptDescriptionPrompt;
        var lyrics = !string.IsNullOrWhiteSpace(request.Prompt) ? request.Prompt
            : request.Instrumental ? ""
            : !string.IsNullOrWhiteSpace(description) ? LyricsWriter.Write(description).Text
            : parent?.Lyrics ?? "";
        var title = !string.IsNullOrWhiteSpace(request.Title) ? request.Title
            : !string.IsNullOrWhiteSpace(description) ? LyricsWriter.TitleFor(description)
            : parent?.Title ?? LyricsWriter.TitleFor(lyrics);
        var seedText = $"{lyrics}|{description}|{title}";
        var tags = !string.IsNullOrWhiteSpace(request.Tags) ? request.Tags
            : parent?.Tags ?? StyleTags[StableHash.Of(seedText) % StyleTags.Length];
        var infill = request.InfillStart is not null || request.InfillEnd is not null;
        var history = parent is null ? null
            : (parent.History ?? []).Append(new HistoryEntry(parent.Id, request.ContinueAt, parent.Type == "upload" ? "upload" : "gen", infill)).ToArray();
        var audioPromptId = parent is null ? null : parent.Type == "upload" ? parent.Id : parent.AudioPromptId;

        var clips = Enumerable.Range(0, 2).Select(i => new EmulatedClip
        {
            Id = Guid.NewGuid().ToString(),
            CreatedAt = now,
            Title = title,
            Tags = tags,
            Lyrics = lyrics,
            GptDescriptionPrompt = string.IsNullOrEmpty(description) ? null : description,
            Model = request.Model,
            Instrumental = request.Instrumental,
            History = history,
            AudioPromptId = audioPromptId,
            Infill = infill,
            FailReason = fails ? FailReason : null,
            Seed = StableHash.Of(seedText + "#" + i),
            Duration = options.ClipDuration,
        }).ToArray();

        var task = new EmulatedTask
        {
            Id = taskId,
            Dialect = dialect,
            Kind = TaskKind.Music,
            CreatedAt = now,
            InputEcho = inputEcho,
            ClipIds = clips.Select(c => c.Id).ToArray(),
            FailReason = fails ? FailReason : null,
            RowNumber = store.NextRowNumber(),
            NotifyHook = notifyHook,
        };
        store.Add(task, clips);
        return task;
    }

    /// <summary>A full song made from <paramref name="last"/>, the last clip of a chain of continuations: one clip of
    /// type <c>concat</c> whose <c>concat_history</c> lists the chain, oldest first.</summary>
    public EmulatedTask Concat(DialectDescriptor dialect, string taskId, EmulatedClip last, string inputEcho)
    {
        var now = clock.Now;
        var chain = (last.History ?? []).Append(new HistoryEntry(last.Id, null, last.Type == "upload" ? "upload" : "gen", false)).ToArray();
        var clip = last with
        {
            Id = Guid.NewGuid().ToString(),
            CreatedAt = now,
            Type = "concat",
            History = null,
            ConcatHistory = chain,
            AudioPromptId = null,
            FailReason = null,
            AlwaysComplete = false,
            Seed = StableHash.Of(string.Join("|", chain.Select(c => c.Id))),
            Duration = options.ClipDuration,
        };
        var task = new EmulatedTask
        {
            Id = taskId,
            Dialect = dialect,
            Kind = TaskKind.Music,
            CreatedAt = now,
            InputEcho = inputEcho,
            ClipIds = [clip.Id],
            RowNumber = store.NextRowNumber(),
        };
        store.Add(task, [clip]);
        return task;
    }

    /// <summary>A lyrics task whose lyrics are written from <paramref name="prompt"/>.</summary>
    public EmulatedTask SubmitLyrics(DialectDescriptor dialect, string taskId, string prompt, string inputEcho, string? notifyHook = null)
    {
        var fails = CarriesFailureMarker(prompt);
        var (title, text) = LyricsWriter.Write(prompt);
        var task = new EmulatedTask
        {
            Id = taskId,
            Dialect = dialect,
            Kind = TaskKind.Lyrics,
            CreatedAt = clock.Now,
            InputEcho = inputEcho,
            Lyrics = new LyricsContent(Guid.NewGuid().ToString(), title, text),
            FailReason = fails ? FailReason : null,
            RowNumber = store.NextRowNumber(),
            NotifyHook = notifyHook,
        };
        store.Add(task, []);
        return task;
    }

    public EmulatedUpload CreateUpload(string url)
    {
        var upload = new EmulatedUpload
        {
            Id = Guid.NewGuid().ToString(),
            Url = url,
            CreatedAt = clock.Now,
            FailReason = CarriesFailureMarker(url) ? FailReason : null,
        };
        store.Add(upload);
        return upload;
    }

    /// <summary>The clip an upload becomes (<c>m_</c> + upload id, as Suno names them), complete at once.</summary>
    public EmulatedClip InitializeClip(EmulatedUpload upload)
    {
        var clip = store.FindClip("m_" + upload.Id) ?? new EmulatedClip
        {
            Id = "m_" + upload.Id,
            CreatedAt = clock.Now,
            Title = upload.Title,
            Tags = "",
            Lyrics = "",
            Model = "chirp-v3-5",
            Type = "upload",
            AlwaysComplete = true,
            Seed = StableHash.Of(upload.Url),
            Duration = options.ClipDuration,
        };
        store.Add(clip);
        if (upload.ClipId != clip.Id)
        {
            upload.ClipId = clip.Id;
            store.Changed(upload);
        }
        return clip;
    }
}
