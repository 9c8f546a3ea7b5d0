using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Contracts.Benchmarks.Infrastructure;
using Contracts.Music;
using GoAmzV30 = Contracts.Clients.GoAmzV30;
using GoAmzV35 = Contracts.Clients.GoAmzV35;
using NativeV2 = Contracts.Clients.NativeV2;
using TaskApi = Contracts.Clients.TaskApi;

namespace Contracts.Benchmarks;

/// <summary>
/// One read of one task over loopback, per dialect (one category each), from a <see cref="SampleServer"/> that always
/// answers the dialect's sample: raw <see cref="HttpClient.GetAsync(Uri, HttpCompletionOption)"/> plus
/// <c>JsonSerializer.DeserializeAsync</c> of the body stream into the generated response type
/// (<see cref="GeneratedReads.ResponseType"/>, with the generated client's options) as baseline, the
/// generated client's get operation, and the facade's <see cref="IMusicClient.GetTaskAsync"/>. All three send the same
/// bearer token over their own keep-alive connection. Goal for the facade: Ratio &lt;= 1.15, Alloc Ratio &lt;= 1.5.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LoopbackReadBenchmarks
{
    private const string ApiKey = "k";

    private SampleServer _server = null!;
    private readonly List<IDisposable> _owned = [];

    private HttpClient _raw = null!;
    private Uri _goAmzV35Url = null!, _goAmzV30Url = null!, _taskUrl = null!, _nativeV2Url = null!;
    private JsonSerializerOptions _goAmzV35Options = null!, _goAmzV30Options = null!, _taskOptions = null!, _nativeV2Options = null!;
    private Type _goAmzV35Type = null!, _goAmzV30Type = null!, _taskType = null!, _nativeV2Type = null!;
    private GoAmzV35.GoAmzV35Client _goAmzV35Client = null!;
    private GoAmzV30.GoAmzV30Client _goAmzV30Client = null!;
    private TaskApi.TaskApiClient _taskClient = null!;
    private NativeV2.NativeV2Client _nativeV2Client = null!;
    private MusicClient _goAmzV35Music = null!, _goAmzV30Music = null!, _taskMusic = null!, _nativeV2Music = null!;
    private string _goAmzV35Id = null!, _goAmzV30Id = null!, _taskId = null!, _nativeV2Id = null!;

    /// <summary>Starts the server, creates every client, and reads once with each (which also opens their connections).</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await SampleServer.StartAsync(BenchmarkSamples.All).ConfigureAwait(false);

        _raw = NewHttpClient();
        _goAmzV35Client = new GoAmzV35.GoAmzV35Client(NewHttpClient());
        _goAmzV30Client = new GoAmzV30.GoAmzV30Client(NewHttpClient());
        _taskClient = new TaskApi.TaskApiClient(NewHttpClient());
        _nativeV2Client = new NativeV2.NativeV2Client(NewHttpClient());
        _goAmzV35Options = _goAmzV35Client.JsonSerializerSettings;
        _goAmzV30Options = _goAmzV30Client.JsonSerializerSettings;
        _taskOptions = _taskClient.JsonSerializerSettings;
        _nativeV2Options = _nativeV2Client.JsonSerializerSettings;
        _goAmzV35Type = GeneratedReads.ResponseType(MusicDialect.GoAmzV35);
        _goAmzV30Type = GeneratedReads.ResponseType(MusicDialect.GoAmzV30);
        _taskType = GeneratedReads.ResponseType(MusicDialect.Task);
        _nativeV2Type = GeneratedReads.ResponseType(MusicDialect.NativeV2);

        (_goAmzV35Url, _goAmzV35Id, _goAmzV35Music) = Prepare(MusicDialect.GoAmzV35);
        (_goAmzV30Url, _goAmzV30Id, _goAmzV30Music) = Prepare(MusicDialect.GoAmzV30);
        (_taskUrl, _taskId, _taskMusic) = Prepare(MusicDialect.Task);
        (_nativeV2Url, _nativeV2Id, _nativeV2Music) = Prepare(MusicDialect.NativeV2);

        // Every benchmark once, checked: a wrong route or id fails here, not as a fast error in the numbers.
        Require(_goAmzV35Type.IsInstanceOfType(await GoAmzV35_Raw().ConfigureAwait(false)), "goamz-v3.5 raw");
        Require(await _goAmzV35Client.GetMusicAsync(_goAmzV35Id).ConfigureAwait(false) is not null, "goamz-v3.5 generated");
        Require((await GoAmzV35_Facade().ConfigureAwait(false)) is { Clips.Count: > 0 } t35 && t35.Id == _goAmzV35Id, "goamz-v3.5 facade");
        Require(_goAmzV30Type.IsInstanceOfType(await GoAmzV30_Raw().ConfigureAwait(false)), "goamz-v3.0 raw");
        Require(await _goAmzV30Client.GetMusicAsync(_goAmzV30Id).ConfigureAwait(false) is not null, "goamz-v3.0 generated");
        Require((await GoAmzV30_Facade().ConfigureAwait(false)) is { Clips.Count: > 0 } t30 && t30.Id == _goAmzV30Id, "goamz-v3.0 facade");
        Require(_taskType.IsInstanceOfType(await Task_Raw().ConfigureAwait(false)), "task raw");
        Require(await _taskClient.FetchTaskAsync(_taskId).ConfigureAwait(false) is not null, "task generated");
        Require((await Task_Facade().ConfigureAwait(false)) is { Clips.Count: > 0 }, "task facade");
        Require(_nativeV2Type.IsInstanceOfType(await NativeV2_Raw().ConfigureAwait(false)), "native-v2 raw");
        Require(await _nativeV2Client.GetFeedAsync(_nativeV2Id).ConfigureAwait(false) is { Count: > 0 }, "native-v2 generated");
        Require((await NativeV2_Facade().ConfigureAwait(false)) is { Clips.Count: > 0 } tn && tn.Id == _nativeV2Id, "native-v2 facade");
    }

    /// <summary>Disposes the clients and stops the server.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var owned in _owned)
            owned.Dispose();
        _owned.Clear();
        await _server.DisposeAsync().ConfigureAwait(false);
    }

    // GoAmz v3.5: GET suno/v1/music/{taskId}

    /// <summary>GoAmz v3.5: raw HttpClient + DeserializeAsync.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("goamz-v3.5")]
    public Task<object?> GoAmzV35_Raw() => RawAsync(_goAmzV35Url, _goAmzV35Type, _goAmzV35Options);

    /// <summary>GoAmz v3.5: <c>GoAmzV35Client.GetMusicAsync</c>.</summary>
    [Benchmark, BenchmarkCategory("goamz-v3.5")]
    public Task GoAmzV35_Generated() => _goAmzV35Client.GetMusicAsync(_goAmzV35Id);

    /// <summary>GoAmz v3.5: <c>IMusicClient.GetTaskAsync</c>.</summary>
    [Benchmark, BenchmarkCategory("goamz-v3.5")]
    public Task<MusicTask> GoAmzV35_Facade() => _goAmzV35Music.GetTaskAsync(_goAmzV35Id);

    // GoAmz v3.0: GET suno/v1/v3.0/music/{taskId}

    /// <summary>GoAmz v3.0: raw HttpClient + DeserializeAsync.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("goamz-v3.0")]
    public Task<object?> GoAmzV30_Raw() => RawAsync(_goAmzV30Url, _goAmzV30Type, _goAmzV30Options);

    /// <summary>GoAmz v3.0: <c>GoAmzV30Client.GetMusicAsync</c>.</summary>
    [Benchmark, BenchmarkCategory("goamz-v3.0")]
    public Task GoAmzV30_Generated() => _goAmzV30Client.GetMusicAsync(_goAmzV30Id);

    /// <summary>GoAmz v3.0: <c>IMusicClient.GetTaskAsync</c>.</summary>
    [Benchmark, BenchmarkCategory("goamz-v3.0")]
    public Task<MusicTask> GoAmzV30_Facade() => _goAmzV30Music.GetTaskAsync(_goAmzV30Id);

    // Task: GET suno/fetch/{taskId}

    /// <summary>Task: raw HttpClient + DeserializeAsync.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("task")]
    public Task<object?> Task_Raw() => RawAsync(_taskUrl, _taskType, _taskOptions);

    /// <summary>Task: <c>TaskApiClient.FetchTaskAsync</c>.</summary>
    [Benchmark, BenchmarkCategory("task")]
    public Task Task_Generated() => _taskClient.FetchTaskAsync(_taskId);

    /// <summary>Task: <c>IMusicClient.GetTaskAsync</c>.</summary>
    [Benchmark, BenchmarkCategory("task")]
    public Task<MusicTask> Task_Facade() => _taskMusic.GetTaskAsync(_taskId);

    // Native v2: GET suno/v2/feed?ids={clip ids} (the facade's task id is the clip ids joined with commas)

    /// <summary>Native v2: raw HttpClient + DeserializeAsync.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("native-v2")]
    public Task<object?> NativeV2_Raw() => RawAsync(_nativeV2Url, _nativeV2Type, _nativeV2Options);

    /// <summary>Native v2: <c>NativeV2Client.GetFeedAsync</c>.</summary>
    [Benchmark, BenchmarkCategory("native-v2")]
    public Task NativeV2_Generated() => _nativeV2Client.GetFeedAsync(_nativeV2Id);

    /// <summary>Native v2: <c>IMusicClient.GetTaskAsync</c>.</summary>
    [Benchmark, BenchmarkCategory("native-v2")]
    public Task<MusicTask> NativeV2_Facade() => _nativeV2Music.GetTaskAsync(_nativeV2Id);

    private async Task<object?> RawAsync(Uri url, Type type, JsonSerializerOptions options)
    {
        using var response = await _raw.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
            return await JsonSerializer.DeserializeAsync(stream, type, options).ConfigureAwait(false);
    }

    private HttpClient NewHttpClient()
    {
        var http = new HttpClient { BaseAddress = _server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        _owned.Add(http);
        return http;
    }

    private (Uri Url, string TaskId, MusicClient Music) Prepare(MusicDialect dialect)
    {
        var sample = BenchmarkSamples.For(dialect);
        var music = new MusicClient(new MusicClientOptions { BaseUrl = _server.BaseAddress, Dialect = dialect, ApiKey = ApiKey });
        _owned.Add(music);
        return (new Uri(_server.BaseAddress, sample.ReadPath), sample.TaskId, music);
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
            throw new InvalidOperationException($"{what}: the loopback read did not return the sample's task.");
    }
}
