using System.Reflection;
using System.Text.Json;
using Contracts.Music;
using Contracts.Specs.Tests.Infrastructure;

namespace Contracts.Specs.Tests;

/// <summary>
/// A mock built from our specs (Prism, as other teams would run it) drives our own clients: in static mode it answers
/// with the specs' examples, in dynamic mode with bodies it invents from the schemas. Every operation of every
/// generated client succeeds against it, and so do the facade's submit and reads: a spec that let a mock invent a
/// body the facade refuses (an error code in a success answer, a timestamp it cannot read) fails here.
/// </summary>
public sealed class MockServerTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    public static TheoryData<string, bool> Mocks()
    {
        var data = new TheoryData<string, bool>();
        foreach (var spec in Repository.SpecNames)
        {
            data.Add(spec, false);
            data.Add(spec, true);
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Mocks))]
    public async Task Every_generated_client_operation_succeeds_against_the_mock(string spec, bool dynamic)
    {
        await using var prism = await PrismServer.StartAsync(spec, dynamic, Ct);
        using var http = prism.CreateHttpClient();
        var client = GeneratedClient(spec, http);

        var failures = new List<string>();
        foreach (var method in client.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                     .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.GetParameters().Last().ParameterType == typeof(CancellationToken)))
        {
            try
            {
                await (Task)method.Invoke(client, Arguments(spec, method))!;
            }
            catch (Exception error)
            {
                failures.Add($"{method.Name}: {error.GetType().Name}: {error.Message.Split('\n')[0]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures) + "\nPrism said:\n" + prism.Output);
    }

    [SkippableTheory]
    [MemberData(nameof(Mocks))]
    public async Task The_facade_submits_and_reads_against_the_mock(string spec, bool dynamic)
    {
        await using var prism = await PrismServer.StartAsync(spec, dynamic, Ct);
        var dialect = spec switch
        {
            "goamz-v3.5" => MusicDialect.GoAmzV35,
            "goamz-v3.0" => MusicDialect.GoAmzV30,
            "task" => MusicDialect.Task,
            _ => MusicDialect.NativeV2,
        };
        using var music = new MusicClient(new MusicClientOptions { BaseUrl = prism.BaseAddress, Dialect = dialect, ApiKey = "prism-key", VendorName = "prism" });

        var id = await music.SubmitAsync(MusicRequest.FromDescription("a calm song about the sea"), Ct);
        Assert.False(string.IsNullOrEmpty(id));
        // A dynamic mock invents ids unrelated to the ones asked for; where the facade checks that the answer holds the
        // ids it asked for (native v2's feed, GoAmz's task, the batch read), it rightly refuses them, so those reads
        // are made against the static mock only, and through the generated clients above.
        if (dynamic && dialect == MusicDialect.NativeV2)
            return;
        if (dynamic && dialect is MusicDialect.GoAmzV35 or MusicDialect.GoAmzV30)
        {
            // GoAmz answers name the task they describe; one for an invented id is refused, not passed off as ours.
            var refused = await Assert.ThrowsAsync<MusicApiException>(() => music.GetTaskAsync(id, Ct));
            Assert.Contains("not the task asked for", refused.Message);
            return;
        }
        var task = await music.GetTaskAsync(id, Ct);
        Assert.Equal(dialect, task.Dialect);
        if (dynamic)
            return;
        var tasks = await music.GetTasksAsync([id], Ct);
        Assert.Equal(id, Assert.Single(tasks).Id);
    }

    private static object GeneratedClient(string spec, HttpClient http) => spec switch
    {
        "goamz-v3.5" => new Contracts.Clients.GoAmzV35.GoAmzV35Client(http),
        "goamz-v3.0" => new Contracts.Clients.GoAmzV30.GoAmzV30Client(http),
        "task" => new Contracts.Clients.TaskApi.TaskApiClient(http),
        "native-v2" => new Contracts.Clients.NativeV2.NativeV2Client(http),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, null),
    };

    /// <summary>Path ids as the specs' examples use them; bodies from the operation's request sample, so Prism accepts them.</summary>
    private static object?[] Arguments(string spec, MethodInfo method) => [.. method.GetParameters().Select(p =>
        p.ParameterType == typeof(string) ? "7070ec00-462e-42ac-9b9f-1074977f473f"
        : p.ParameterType == typeof(CancellationToken) ? Ct
        : RequestBody(spec, method.Name, p.ParameterType))];

    private static object RequestBody(string spec, string methodName, Type type)
    {
        var operation = char.ToLowerInvariant(methodName[0]) + methodName[1..^"Async".Length];
        var folder = Path.Combine(Repository.Specs, "samples", spec);
        var sample = Directory.GetFiles(folder, $"{operation}.request*.json").Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException($"No request sample for {spec} {operation} in {folder}.");
        return JsonSerializer.Deserialize(File.ReadAllText(sample), type)!;
    }
}
