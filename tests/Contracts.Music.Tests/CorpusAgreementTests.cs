using System.Reflection;
using System.Text.Json;
using Contracts.Validation;

namespace Contracts.Music.Tests;

/// <summary>
/// The three readers of a payload agree on every sample of the corpus (the vendor pages' examples, the real-world
/// payloads and ours): the validator says valid exactly when the strict generated client reads it (over loopback HTTP,
/// with the status the sample was sent with), and the facade reads every sample either into tasks or into its one
/// typed <see cref="MusicApiException"/>, never anything else; a valid success answer it always reads.
/// </summary>
public sealed class CorpusAgreementTests
{
    private static readonly ContractValidator Validator = new(new ContractValidatorOptions { SpecsDirectory = Path.Combine(AppContext.BaseDirectory, "specs") });
    private static readonly Lazy<SampleManifest> Manifest = new(() => SampleManifest.LoadAsync(Path.Combine(AppContext.BaseDirectory, "samples")).GetAwaiter().GetResult());

    private static CancellationToken Ct => TestCancellation.Token;

    public static TheoryData<string> ResponseSamples() => new(Json(s => s.Direction == "response"));

    public static TheoryData<string> RequestSamples() => new(Json(s => s.Direction == "request"));

    [Theory]
    [MemberData(nameof(ResponseSamples))]
    public async Task The_validator_and_the_strict_client_agree_and_the_facade_reads_every_response(string file)
    {
        var sample = Entry(file);
        var json = Samples.Read(sample.File.Split('/')[0], sample.File[(sample.File.IndexOf('/') + 1)..]);
        var status = sample.Status ?? 200;

        var verdict = await Validator.ValidateAsync(json, sample.Target, Ct);
        var strict = await StrictClientReadsAsync(sample, json, status);

        Assert.True(verdict.IsValid == strict.Reads,
            $"{file}: validator says {(verdict.IsValid ? "valid" : verdict.ToString())}; the strict client {(strict.Reads ? "reads it" : "fails: " + strict.Failure)}");
        var dialect = SamplePayloadSnapshotTests.DialectOf(sample.Dialect);
        var facade = Record.Exception(() => MusicClient.ReadPayload(dialect, json));
        Assert.True(facade is null or MusicApiException, $"{file}: the facade threw {facade}");
        if (verdict.IsValid && status is >= 200 and < 300)
            Assert.Null(facade);
    }

    [Theory]
    [MemberData(nameof(RequestSamples))]
    public async Task The_validator_and_the_strict_client_agree_on_every_request_body(string file)
    {
        var sample = Entry(file);
        var json = Samples.Read(sample.File.Split('/')[0], sample.File[(sample.File.IndexOf('/') + 1)..]);

        var verdict = await Validator.ValidateAsync(json, sample.Target, Ct);
        var (client, method) = Operation(sample.Dialect, sample.Operation, new HttpClient());
        var bodyType = method.GetParameters().Single(p => p.ParameterType.IsClass && p.ParameterType != typeof(string)).ParameterType;
        var failure = Record.Exception(() => JsonSerializer.Deserialize(json, bodyType, Settings(client)));

        Assert.True(verdict.IsValid == (failure is null),
            $"{file}: validator says {(verdict.IsValid ? "valid" : verdict.ToString())}; the strict client {(failure is null ? "reads it" : "fails: " + failure.Message)}");
    }

    [Fact]
    public void The_corpus_holds_real_payloads_of_every_dialect()
    {
        var real = Manifest.Value.Samples.Where(s => s.Origin == "real").ToList();
        Assert.True(real.Count >= 30, $"{real.Count} real samples");
        Assert.Equal(["goamz-v3.0", "goamz-v3.5", "native-v2", "task"], real.Select(s => s.Dialect).Distinct().Order(StringComparer.Ordinal));
        Assert.All(real, s => Assert.False(string.IsNullOrWhiteSpace(s.Source), $"{s.File} has no source"));
    }

    private static IEnumerable<string> Json(Func<SampleEntry, bool> which) =>
        Manifest.Value.Samples.Where(s => which(s) && s.File.EndsWith(".json", StringComparison.Ordinal)).Select(s => s.File);

    private static SampleEntry Entry(string file) => Manifest.Value.Samples.Single(s => s.File == file);

    /// <summary>Serves the sample with its status on loopback and calls the operation with the generated client.</summary>
    private static async Task<(bool Reads, string? Failure)> StrictClientReadsAsync(SampleEntry sample, string json, int status)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.AnswerAll(Reply.Json(json, status));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.ApiKey);
        var (client, method) = Operation(sample.Dialect, sample.Operation, http);
        var arguments = method.GetParameters().Select(p =>
            p.ParameterType == typeof(string) ? "id-1"
            : p.ParameterType == typeof(CancellationToken) ? (object)Ct
            : Activator.CreateInstance(p.ParameterType)).ToArray();
        try
        {
            await (Task)method.Invoke(client, arguments)!;
            return (status is >= 200 and < 300, status is >= 200 and < 300 ? null : $"HTTP {status} returned normally");
        }
        catch (Exception error) when (error.GetType().Name.EndsWith("ClientException`1", StringComparison.Ordinal))
        {
            // A declared error status, read into its typed body.
            var result = error.GetType().GetProperty("Result")!.GetValue(error);
            return (result is not null, result is null ? "typed error without a body" : null);
        }
        catch (Exception error) when (error.GetType().Name.EndsWith("ClientException", StringComparison.Ordinal))
        {
            return (false, error.Message.Split('\n')[0] + " " + error.InnerException?.Message);
        }
    }

    private static (object Client, MethodInfo Method) Operation(string dialect, string operationId, HttpClient http)
    {
        object client = dialect switch
        {
            "goamz-v3.5" => new Contracts.Clients.GoAmzV35.GoAmzV35Client(http),
            "goamz-v3.0" => new Contracts.Clients.GoAmzV30.GoAmzV30Client(http),
            "task" => new Contracts.Clients.TaskApi.TaskApiClient(http),
            "native-v2" => new Contracts.Clients.NativeV2.NativeV2Client(http),
            _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, null),
        };
        var name = char.ToUpperInvariant(operationId[0]) + operationId[1..] + "Async";
        var method = client.GetType().GetMethods().Single(m => m.Name == name && m.GetParameters().Last().ParameterType == typeof(CancellationToken));
        return (client, method);
    }

    private static JsonSerializerOptions Settings(object client) => (JsonSerializerOptions)client.GetType().GetProperty("JsonSerializerSettings")!.GetValue(client)!;
}
