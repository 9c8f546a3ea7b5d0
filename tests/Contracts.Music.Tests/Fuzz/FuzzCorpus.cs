using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Clients;
using Contracts.Validation;

namespace Contracts.Music.Tests.Fuzz;

/// <summary>Where a reader case goes in: <see cref="MusicClient.ReadPayload"/> of a dialect, or <see cref="MusicClient.ReadCallback"/>.</summary>
internal sealed record ReaderEntry(MusicDialect Dialect, bool IsCallback)
{
    public override string ToString() => IsCallback ? $"ReadCallback({Dialect})" : $"ReadPayload({Dialect})";
}

/// <summary>One starting payload of the fuzz: a sample of the manifest (or a callback body taken from one), as text.</summary>
/// <param name="Name">The sample's file (with <c>#/data</c> and the like for a body taken from inside it).</param>
/// <param name="Text">The sample's text as committed.</param>
/// <param name="Entry">For the reader: which reader it goes through.</param>
/// <param name="Target">For the validator: what it is validated against.</param>
internal sealed record FuzzSample(string Name, string Text, ReaderEntry? Entry, ValidationTarget? Target)
{
    public override string ToString() => Name;
}

/// <summary>The samples the fuzz starts from: every sample of <c>specs/samples/manifest.json</c>.</summary>
internal static class FuzzCorpus
{
    private static readonly Lazy<IReadOnlyList<(SampleEntry Entry, string Text)>> s_manifest = new(Load);

    /// <summary>
    /// The reader's starting payloads: every response sample through its dialect's <see cref="MusicClient.ReadPayload"/>;
    /// every callback sample through <see cref="MusicClient.ReadCallback"/>; and, so that the callback reader meets real
    /// task objects too, each task object of the task dialect's fetch answers as a callback body (a callback body is the
    /// task object itself).
    /// </summary>
    public static IReadOnlyList<FuzzSample> ReaderSamples { get; } = BuildReaderSamples();

    /// <summary>The validator's starting payloads: every sample of the manifest (requests, responses, callbacks, the pages' texts that are not JSON), against its target.</summary>
    public static IReadOnlyList<FuzzSample> ValidatorSamples { get; } = [.. s_manifest.Value.Select(s => new FuzzSample(s.Entry.File, s.Text, null, s.Entry.Target))];

    /// <summary>The facade's dialect of a manifest dialect name (<c>goamz-v3.5</c>, ...).</summary>
    public static MusicDialect DialectOf(string name) =>
        (DialectCatalog.Find(name) ?? throw new InvalidOperationException($"The manifest names an unknown dialect '{name}'.")).ToMusicDialect();

    private static IReadOnlyList<(SampleEntry Entry, string Text)> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "samples");
        var manifest = SampleManifest.LoadAsync(folder).GetAwaiter().GetResult();
        return [.. manifest.Samples.Select(s => (s, File.ReadAllText(Path.Combine(folder, s.File))))];
    }

    private static List<FuzzSample> BuildReaderSamples()
    {
        var samples = new List<FuzzSample>();
        foreach (var (entry, text) in s_manifest.Value)
        {
            switch (entry.Direction)
            {
                case "response":
                    samples.Add(new FuzzSample(entry.File, text, new ReaderEntry(DialectOf(entry.Dialect), IsCallback: false), null));
                    if (entry.Dialect == "task")
                        samples.AddRange(TaskObjects(entry.File, text));
                    break;
                case "callback":
                    samples.Add(new FuzzSample(entry.File, text, new ReaderEntry(DialectOf(entry.Dialect), IsCallback: true), null));
                    break;
            }
        }
        return samples;
    }

    /// <summary>The task objects of a task dialect answer (<c>data</c>, or the items of <c>data</c>), as callback bodies.</summary>
    private static IEnumerable<FuzzSample> TaskObjects(string file, string text)
    {
        JsonNode? data;
        try
        {
            data = JsonNode.Parse(text)?["data"];
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            yield break;
        }
        var callback = new ReaderEntry(MusicDialect.Task, IsCallback: true);
        if (data is JsonObject task && task.ContainsKey("task_id"))
            yield return new FuzzSample(file + "#/data", task.ToJsonString(), callback, null);
        if (data is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is JsonObject item && item.ContainsKey("task_id"))
                    yield return new FuzzSample($"{file}#/data/{i}", item.ToJsonString(), callback, null);
            }
        }
    }
}
