using System.Text.Json;
using Snapshooter;

namespace Contracts.Music.Tests;

/// <summary>Every response sample of every dialect goes through its adapter; the normalized result must equal its committed snapshot.</summary>
public sealed class SamplePayloadSnapshotTests
{
    public static TheoryData<string> ResponseSamples()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "manifest.json")));
        var data = new TheoryData<string>();
        foreach (var entry in Entries(manifest.RootElement))
        {
            if (entry.GetProperty("direction").GetString() == "response" && entry.GetProperty("file").GetString()!.EndsWith(".json", StringComparison.Ordinal))
                data.Add(entry.GetProperty("file").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ResponseSamples))]
    public void Sample_normalizes_to_its_snapshot(string file)
    {
        var folder = file.Split('/')[0];
        var json = Samples.Read(folder, file[(folder.Length + 1)..]);
        var dialect = DialectOf(folder);
        object view;
        try
        {
            var tasks = MusicClient.ReadPayload(dialect, json);
            AssertRawKept(tasks, json);
            view = NormalizedView.Of(tasks);
        }
        catch (MusicApiException error)
        {
            view = NormalizedView.Of(error);
        }
        Snapshots.Match(view, SnapshotNameExtension.Create(file.Replace('/', '.')));
    }

    [Fact]
    public void Every_dialect_has_response_samples()
    {
        IEnumerable<object[]> rows = ResponseSamples();
        var folders = rows.Select(row => ((string)row[0]).Split('/')[0]).Distinct().Order();
        Assert.Equal(["goamz-v3.0", "goamz-v3.5", "native-v2", "task"], folders);
    }

    internal static MusicDialect DialectOf(string folder) => folder switch
    {
        "goamz-v3.5" => MusicDialect.GoAmzV35,
        "goamz-v3.0" => MusicDialect.GoAmzV30,
        "task" => MusicDialect.Task,
        "native-v2" => MusicDialect.NativeV2,
        _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, null),
    };

    private static IEnumerable<JsonElement> Entries(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : root.GetProperty("samples").EnumerateArray();

    /// <summary>The raw JSON kept on each clip is the vendor's clip object (found again by its id).</summary>
    private static void AssertRawKept(IReadOnlyList<MusicTask> tasks, string json)
    {
        foreach (var task in tasks)
            Assert.NotEqual(JsonValueKind.Undefined, task.Raw.ValueKind);
        foreach (var clip in tasks.SelectMany(t => t.Clips))
        {
            Assert.Equal(JsonValueKind.Object, clip.Raw.ValueKind);
            Assert.Contains(clip.Id, json, StringComparison.Ordinal);
            if (clip.Raw.TryGetProperty("id", out var id))
                Assert.Equal(clip.Id, id.GetString());
        }
    }
}
