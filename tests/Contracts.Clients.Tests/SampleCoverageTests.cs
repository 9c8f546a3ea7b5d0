using System.Text.Json;
using System.Text.Json.Nodes;
using Contracts.Clients.Tests.Infrastructure;

namespace Contracts.Clients.Tests;

/// <summary>
/// Every field that a vendor page's example shows is in the spec: reading each sample with its generated type leaves
/// nothing in an AdditionalProperties bag.
/// </summary>
public sealed class SampleCoverageTests
{
    private static readonly Dictionary<string, (Type Type, JsonSerializerOptions Settings)> SampleTypes = new()
    {
        ["goamz-v3.5/getMusic.response.json"] = (typeof(GoAmzV35.SunoTaskEnvelope), new GoAmzV35.GoAmzV35Client(new HttpClient()).JsonSerializerSettings),
        ["goamz-v3.0/getMusic.response.json"] = (typeof(GoAmzV30.SunoTaskEnvelope), new GoAmzV30.GoAmzV30Client(new HttpClient()).JsonSerializerSettings),
        ["task/submitMusic.request.inspiration.json"] = (typeof(TaskApi.SubmitMusicRequest), new TaskApi.TaskApiClient(new HttpClient()).JsonSerializerSettings),
        ["task/submitMusic.request.custom.json"] = (typeof(TaskApi.SubmitMusicRequest), new TaskApi.TaskApiClient(new HttpClient()).JsonSerializerSettings),
        ["task/submitMusic.request.continuation.json"] = (typeof(TaskApi.SubmitMusicRequest), new TaskApi.TaskApiClient(new HttpClient()).JsonSerializerSettings),
        ["task/submitMusic.response.json"] = (typeof(TaskApi.SubmitResponse), new TaskApi.TaskApiClient(new HttpClient()).JsonSerializerSettings),
        ["native-v2/generateMusic.request.json"] = (typeof(NativeV2.GenerateRequest), new NativeV2.NativeV2Client(new HttpClient()).JsonSerializerSettings),
        ["native-v2/generateMusic.response.json"] = (typeof(NativeV2.GenerateResponse), new NativeV2.NativeV2Client(new HttpClient()).JsonSerializerSettings),
    };

    public static TheoryData<string> JsonSamples() => new(SampleTypes.Keys);

    [Fact]
    public void Every_json_sample_file_is_covered()
    {
        // The vendor pages' samples; ours (*.ours.json) and the real-world corpus (*.real.json) are checked by the manifest and agreement tests.
        var onDisk = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "samples"), f).Replace('\\', '/'))
            .Where(f => !f.EndsWith(".ours.json", StringComparison.Ordinal) && !f.EndsWith(".real.json", StringComparison.Ordinal) && f != "manifest.json")
            .Order(StringComparer.Ordinal);
        Assert.Equal(SampleTypes.Keys.Order(StringComparer.Ordinal), onDisk);
    }

    [Theory]
    [MemberData(nameof(JsonSamples))]
    public void Every_field_of_the_sample_is_in_the_spec(string sample)
    {
        var (type, settings) = SampleTypes[sample];
        var text = Samples.Read(Path.GetDirectoryName(sample)!, Path.GetFileName(sample));
        var lenient = UnknownFields.Lenient(settings);

        var value = JsonSerializer.Deserialize(text, type, lenient);

        Assert.NotNull(value);
        Assert.Empty(UnknownFields.In(value));
    }

    [Theory]
    [InlineData("goamz-v3.5")]
    [InlineData("goamz-v3.0")]
    public void The_echoed_goamz_input_is_covered_by_MusicInputEcho(string folder)
    {
        var input = JsonNode.Parse(Samples.Read(folder, "getMusic.response.json"))!["data"]!["input"]!.GetValue<string>();
        var type = folder == "goamz-v3.5" ? typeof(GoAmzV35.MusicInputEcho) : typeof(GoAmzV30.MusicInputEcho);

        var echo = JsonSerializer.Deserialize(input, type, new JsonSerializerOptions(JsonSerializerDefaults.General));

        Assert.Empty(UnknownFields.In(echo));
    }

    [Theory]
    [InlineData("submitMusic.request.inspiration.json")]
    [InlineData("submitMusic.request.custom.json")]
    [InlineData("submitMusic.request.continuation.json")]
    public void The_task_pages_example_bodies_without_make_instrumental_read_with_the_strict_client(string sample)
    {
        // A finding about the vendor page, kept visible: its table marks make_instrumental required (必需), its own
        // examples leave it out, and relays accept them; the spec follows the relays (x-contracts-page-required).
        var settings = new TaskApi.TaskApiClient(new HttpClient()).JsonSerializerSettings;
        var body = JsonSerializer.Deserialize<TaskApi.SubmitMusicRequest>(Samples.Read("task", sample), settings)!;
        Assert.Null(body.MakeInstrumental);
    }
}
