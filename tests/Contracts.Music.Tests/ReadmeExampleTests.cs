using System.Diagnostics;
using Contracts.Music.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Polly;

namespace Contracts.Music.Tests;

/// <summary>The facade examples of README.md, as written there, against a loopback server standing in for openai-hub.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_readme_facade_example_runs()
    {
        var cancellationToken = TestCancellation.Token;
        await using var server = await ScriptedVendorServer.StartAsync(cancellationToken);
        var success = Journeys.TaskEnvelope(Samples.Read("task", "fetchTasks.response.ours.json"), 0);
        server.Answer("POST", "/suno/submit/music", Samples.Read("task", "submitMusic.response.json"));
        server.Script("GET", "/suno/fetch/736a6f88-bd29-4b1e-b110-37132a5325ac",
            Reply.Json(Journeys.Task(success, "IN_PROGRESS", "40%", "streaming")), Reply.Json(success));
        var apiKey = TestKeys.ApiKey;
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            // --- README.md "One client for every vendor", with BaseUrl pointing at the loopback server ---
            using var music = new MusicClient(new MusicClientOptions { Vendor = "openai-hub", ApiKey = apiKey, BaseUrl = server.BaseAddress });

            string taskId = await music.SubmitAsync(MusicRequest.FromDescription("a calm song about the sea"), cancellationToken);
            MusicTask task = await music.WaitForCompletionAsync(taskId, new MusicWaitOptions
            {
                Progress = new Progress<MusicTask>(t => Console.WriteLine($"{t.Status} {t.ProgressPercent}%")),
                PollInterval = TimeSpan.FromMilliseconds(10), // not in the README: keeps the test fast
            }, cancellationToken);

            if (task.Status == MusicTaskStatus.Succeeded)
                foreach (MusicClip clip in task.Clips)
                    Console.WriteLine($"{clip.Title}: {clip.AudioUrl} ({clip.Duration})");
            else
                Console.WriteLine($"failed: {task.FailureReason}");
            // --- end of README example ---

            Assert.Equal(MusicTaskStatus.Succeeded, task.Status);
        }
        finally
        {
            Console.SetOut(console);
        }
        Assert.Contains(".mp3 (", output.ToString());
        using var real = new MusicClient(new MusicClientOptions { Vendor = "openai-hub", ApiKey = apiKey });
        Assert.Equal(new Uri("https://api.openai-hub.com/"), MusicVendors.OpenAiHub.BaseUrl);
        Assert.Equal("openai-hub", real.Vendor);
    }

    [Fact]
    public async Task The_readme_registration_example_resolves()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Music:Vendor"] = "openai-core",
            ["Music:ApiKey"] = TestKeys.ApiKey,
        }).Build();
        var services = new ServiceCollection();

        services.AddMusicClient(configuration.GetSection("Music"));   // using Contracts.Music.DependencyInjection;

        await using var provider = services.BuildServiceProvider();
        var music = provider.GetRequiredService<IMusicClient>();
        Assert.Equal("openai-core", music.Vendor);
        Assert.Equal(MusicDialect.GoAmzV35, music.Dialect);
    }

    // --- README.md "Several vendors" (the class as written there) ---
    public sealed class SongService([FromKeyedServices("hub")] IMusicClient hub, IMusicClientFactory vendors)
    {
        public Task<string> SubmitAsync(MusicRequest request, CancellationToken cancellationToken) => hub.SubmitAsync(request, cancellationToken);

        public IMusicClient Vendor(string name) => vendors.CreateClient(name);   // "hub" or "core"
    }

    private sealed class AuditHandler : DelegatingHandler
    {
        public static int Seen;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Seen);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task The_readme_several_vendors_example_registers_two_vendors_and_a_replaced_policy()
    {
        var cancellationToken = TestCancellation.Token;
        await using var hubServer = await ScriptedVendorServer.StartAsync(cancellationToken);
        await using var coreServer = await ScriptedVendorServer.StartAsync(cancellationToken);
        hubServer.Answer("POST", "/suno/submit/music", Samples.Read("task", "submitMusic.response.json"));
        coreServer.Script("GET", "/suno/v1/music/96bff3e6-5af6-490e-b0f3-f99257883383", new Reply(503, "{}"), Reply.Json(Samples.Read("goamz-v3.5", "getMusic.response.json")));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Music:hub:Vendor"] = "openai-hub",
            ["Music:hub:ApiKey"] = TestKeys.ApiKey,
            ["Music:hub:BaseUrl"] = hubServer.BaseAddress.ToString(),   // not in the README: the loopback server
            ["Music:core:BaseUrl"] = coreServer.BaseAddress.ToString(),
            ["CoreKey"] = "sk-core-key",
        }).Build();
        var services = new ServiceCollection();

        // --- README.md "Several vendors" ---
        services.AddMusicClient("hub", configuration.GetSection("Music:hub"))   // Music:hub:Vendor = openai-hub, Music:hub:ApiKey = ...
            .AddHttpMessageHandler(() => new AuditHandler());   // runs once per attempt, inside the retries
        // Or replace the retries: turn the facade's off and add your own (keep paid calls out of them).
        services.AddMusicClient("core", options =>
        {
            options.Vendor = "openai-core";
            options.ApiKey = configuration["CoreKey"];
            options.Retry.MaxRetries = 0;
            options.BaseUrl = new Uri(configuration["Music:core:BaseUrl"]!);   // not in the README: the loopback server
        })
            .AddResilienceHandler("mine", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    MusicHttpRequestOptions.MayRetry(args.Context.GetRequestMessage()) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                Delay = TimeSpan.FromMilliseconds(10),   // not in the README: keeps the test fast
            }));
        // --- end of README example ---

        services.AddTransient<SongService>();
        await using var provider = services.BuildServiceProvider();
        var songs = provider.GetRequiredService<SongService>();

        var before = AuditHandler.Seen;
        var taskId = await songs.SubmitAsync(MusicRequest.FromDescription("a calm song"), cancellationToken);
        var task = await songs.Vendor("core").GetTaskAsync("96bff3e6-5af6-490e-b0f3-f99257883383", cancellationToken);

        Assert.Equal("736a6f88-bd29-4b1e-b110-37132a5325ac", taskId);
        Assert.True(AuditHandler.Seen > before);
        Assert.Equal("Bearer sk-core-key", coreServer.Requests[0].Authorization);
        // The replacement retried the read (503, then the answer).
        Assert.Equal(2, coreServer.CountOf("GET", "/suno/v1/music/96bff3e6-5af6-490e-b0f3-f99257883383"));
        Assert.Equal(MusicTaskStatus.Succeeded, task.Status);
    }

    [Fact]
    public async Task The_readme_opentelemetry_example_exports_the_facade_spans_and_metrics()
    {
        var cancellationToken = TestCancellation.Token;
        await using var server = await ScriptedVendorServer.StartAsync(cancellationToken);
        server.Answer("GET", "/suno/fetch/t1", """{"code":"success","message":"","data":{"task_id":"t1","action":"MUSIC","status":"IN_PROGRESS","progress":"5%","data":[]}}""");
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var vendor = "otel-" + Guid.NewGuid().ToString("N")[..8];
        var services = new ServiceCollection();
        services.AddMusicClient(o => { o.BaseUrl = server.BaseAddress; o.Dialect = MusicDialect.Task; o.ApiKey = TestKeys.ApiKey; o.VendorName = vendor; });

        // --- README.md "Observability" ---
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(MusicDiagnostics.SourceName)   // + .AddHttpClientInstrumentation() and an exporter
                .AddInMemoryExporter(spans))   // not in the README: the test's exporter
            .WithMetrics(metrics2 => metrics2.AddMeter(MusicDiagnostics.MeterName)
                .AddInMemoryExporter(metrics));
        // --- end of README example ---

        await using (var provider = services.BuildServiceProvider())
        {
            // The SDK starts with the host; without one, resolving the providers starts them.
            provider.GetRequiredService<TracerProvider>();
            var meters = provider.GetRequiredService<MeterProvider>();
            await provider.GetRequiredService<IMusicClient>().GetTaskAsync("t1", cancellationToken);
            meters.ForceFlush();
        }

        Assert.Contains(spans, s => s.DisplayName == "music.get_task" && (string?)s.GetTagItem("music.vendor") == vendor);
        Assert.Contains(metrics, m => m.Name == MusicDiagnostics.RequestsInstrument);
        Assert.Contains(metrics, m => m.Name == MusicDiagnostics.DurationInstrument);
    }
}
