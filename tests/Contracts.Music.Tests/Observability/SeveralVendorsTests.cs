using Contracts.Music.DependencyInjection;
using Contracts.Music.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Contracts.Music.Tests.Observability;

/// <summary>
/// Several vendors in one application: keyed registration, the factory by name, duplicate names refused while
/// registering, options checked on start, and the HTTP client builder each registration returns (its resilience
/// handler sees which calls may be retried through HttpRequestMessage.Options).
/// </summary>
public sealed class SeveralVendorsTests
{
    private const string HubKey = "sk-hub-1111aaaa2222bbbb";
    private const string CoreKey = "sk-core-3333cccc4444dddd";
    private static CancellationToken Ct => TestCancellation.Token;

    private static string TaskAnswer(string id) =>
        $$$"""{"code":"success","message":"","data":{"task_id":"{{{id}}}","action":"MUSIC","status":"IN_PROGRESS","progress":"50%","data":[]}}""";

    private static void Vendor(MusicClientOptions options, ScriptedVendorServer server, string key)
    {
        options.BaseUrl = server.BaseAddress;
        options.Dialect = MusicDialect.Task;
        options.ApiKey = key;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
    }

    /// <summary>A consumer written the way the issue asks for: the vendor picked by its key in the constructor.</summary>
    private sealed class HubConsumer([FromKeyedServices("hub")] IMusicClient hub)
    {
        public IMusicClient Hub { get; } = hub;
    }

    [Fact]
    public async Task Two_named_vendors_each_call_their_own_server_with_their_own_key()
    {
        await using var hubServer = await ScriptedVendorServer.StartAsync(Ct);
        await using var coreServer = await ScriptedVendorServer.StartAsync(Ct);
        hubServer.Answer("GET", "/suno/fetch/h1", TaskAnswer("h1"));
        coreServer.Answer("GET", "/suno/fetch/c1", TaskAnswer("c1"));
        var services = new ServiceCollection();
        services.AddMusicClient("hub", o => { Vendor(o, hubServer, HubKey); o.VendorName = "hub-vendor"; });
        services.AddMusicClient("core", o => { Vendor(o, coreServer, CoreKey); o.VendorName = "core-vendor"; });
        await using var provider = services.BuildServiceProvider();

        var hub = ActivatorUtilities.CreateInstance<HubConsumer>(provider).Hub;
        var core = provider.GetRequiredKeyedService<IMusicClient>("core");

        Assert.Equal("hub-vendor", hub.Vendor);
        Assert.Equal("core-vendor", core.Vendor);
        Assert.Equal("h1", (await hub.GetTaskAsync("h1", Ct)).Id);
        Assert.Equal("c1", (await core.GetTaskAsync("c1", Ct)).Id);
        var toHub = Assert.Single(hubServer.Requests);
        var toCore = Assert.Single(coreServer.Requests);
        Assert.Equal(("/suno/fetch/h1", "Bearer " + HubKey), (toHub.Path, toHub.Authorization));
        Assert.Equal(("/suno/fetch/c1", "Bearer " + CoreKey), (toCore.Path, toCore.Authorization));
        // Nothing was registered without a name, so there is no unkeyed client to get by accident.
        Assert.Null(provider.GetService<IMusicClient>());
    }

    [Fact]
    public async Task The_factory_creates_a_client_by_name_and_names_the_registered_ones_when_asked_for_another()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/h1", TaskAnswer("h1"));
        var services = new ServiceCollection();
        services.AddMusicClient("hub", o => Vendor(o, server, HubKey));
        services.AddMusicClient("core", o => Vendor(o, server, CoreKey));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IMusicClientFactory>();

        var task = await factory.CreateClient("hub").GetTaskAsync("h1", Ct);
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient("nope"));

        Assert.Equal("h1", task.Id);
        Assert.Equal("Bearer " + HubKey, Assert.Single(server.Requests).Authorization);
        Assert.Equal(["hub", "core"], factory.Names);
        Assert.Contains("No music client is registered as 'nope'. Registered: 'hub', 'core'.", error.Message);
    }

    [Fact]
    public void Registering_a_name_twice_is_an_error_while_registering_not_a_silent_merge()
    {
        var services = new ServiceCollection();
        services.AddMusicClient("hub", o => o.Vendor = "openai-hub");
        var named = Assert.Throws<InvalidOperationException>(() => services.AddMusicClient("hub", o => o.Vendor = "openai-core"));
        services.AddMusicClient(o => o.Vendor = "openai-hub");
        var unnamed = Assert.Throws<InvalidOperationException>(() => services.AddMusicClient(o => o.Vendor = "openai-core"));

        Assert.Contains("A music client named 'hub' is already registered", named.Message);
        Assert.Contains("AddMusicClient was called twice without a name", unnamed.Message);
        Assert.Contains("AddMusicClient(\"hub\", ...)", unnamed.Message);
    }

    [Fact]
    public async Task Unusable_options_stop_the_host_on_start_with_the_constructors_message_and_without_the_key()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMusicClient("hub", o => { o.Vendor = "openai-hub"; o.ApiKey = HubKey; });
        // Valid but for the host the profile does not publish, and plain http to another machine with the key.
        builder.Services.AddMusicClient("agent", o => { o.Vendor = "global-agent"; o.ApiKey = CoreKey; });
        builder.Services.AddMusicClient("clear", o => { o.BaseUrl = new Uri("http://music.example.com/"); o.Dialect = MusicDialect.Task; o.ApiKey = CoreKey; });
        using var host = builder.Build();

        // Every unusable vendor is reported at once, each as the options error of its name.
        var error = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync(Ct));

        var messages = error.InnerExceptions.Select(e => Assert.IsType<OptionsValidationException>(e).Message).Order().ToList();
        Assert.Equal(2, messages.Count);
        Assert.StartsWith("Music client 'agent': Vendor 'global-agent' publishes no host", messages[0]);
        Assert.StartsWith("Music client 'clear': MusicClientOptions.BaseUrl 'http://music.example.com' is plain http to another machine", messages[1]);
        Assert.DoesNotContain(CoreKey, error.ToString());
        // The same message the plain constructor gives.
        var direct = Assert.Throws<ArgumentException>(() => new MusicClient(new MusicClientOptions { Vendor = "global-agent", ApiKey = CoreKey }));
        Assert.EndsWith(direct.Message.Split(" (Parameter")[0], messages[0]);
    }

    [Fact]
    public async Task Handlers_added_to_the_returned_builder_see_the_operation_and_whether_it_may_be_retried()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/h1", TaskAnswer("h1"));
        server.Answer("POST", "/suno/submit/music", Samples.Read("task", "submitMusic.response.json"));
        var seen = new List<(string Operation, bool Retriable)>();
        var services = new ServiceCollection();
        services.AddMusicClient("hub", o => Vendor(o, server, HubKey))
            .AddHttpMessageHandler(() => new RecordingHandler(seen));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<IMusicClient>("hub");

        await client.SubmitAsync(new MusicRequest { Description = "a calm song" }, Ct);
        await client.GetTaskAsync("h1", Ct);

        Assert.Equal([("submitMusic", false), ("fetchTask", true)], seen);
    }

    [Fact]
    public async Task The_resilience_handler_on_the_builder_retries_reads_and_never_a_paid_call()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Script("GET", "/suno/fetch/h1", new Reply(503, "{}"), Reply.Json(TaskAnswer("h1")));
        server.Script("POST", "/suno/submit/music", new Reply(503, "{}"), Reply.Json(Samples.Read("task", "submitMusic.response.json")));
        var services = new ServiceCollection();
        services.AddMusicClient("hub", o => Vendor(o, server, HubKey));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<IMusicClient>("hub");

        var task = await client.GetTaskAsync("h1", Ct);
        var error = await Assert.ThrowsAsync<MusicApiException>(() => client.SubmitAsync(new MusicRequest { Description = "a calm song" }, Ct));

        Assert.Equal("h1", task.Id);
        Assert.Equal(2, server.CountOf("GET", "/suno/fetch/h1"));
        Assert.Equal((MusicApiErrorKind.HttpError, 503), (error.Kind, error.Status));
        Assert.Equal(1, server.CountOf("POST", "/suno/submit/music"));
    }

    [Fact]
    public async Task Each_vendor_logs_to_the_containers_logger_factory_with_its_own_name_retries_included()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Script("GET", "/suno/fetch/h1", new Reply(503, "{}"), Reply.Json(TaskAnswer("h1")));
        server.Answer("POST", "/suno/submit/music", Samples.Read("task", "submitMusic.response.json"));
        var logs = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        services.AddMusicClient("hub", o => { Vendor(o, server, HubKey); o.VendorName = "hub-vendor"; });
        services.AddMusicClient("core", o => { Vendor(o, server, CoreKey); o.VendorName = "core-vendor"; });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IMusicClient>("hub").GetTaskAsync("h1", Ct);
        await provider.GetRequiredKeyedService<IMusicClient>("core").SubmitAsync(new MusicRequest { Description = "a calm song" }, Ct);

        var ours = logs.GetSnapshot().Where(r => r.Category == MusicDiagnostics.LoggerCategory).ToList();
        var retry = Assert.Single(ours, r => r.Id.Id == 1002);
        Assert.Equal(("hub-vendor", "fetchTask", "http_503"), (retry.GetStructuredStateValue("Vendor"), retry.GetStructuredStateValue("Operation"), retry.GetStructuredStateValue("Reason")));
        var submitted = Assert.Single(ours, r => r.Id.Id == 1001);
        Assert.Equal(("core-vendor", "736a6f88-bd29-4b1e-b110-37132a5325ac"), (submitted.GetStructuredStateValue("Vendor"), submitted.GetStructuredStateValue("TaskId")));
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Message.Contains(HubKey) || r.Message.Contains(CoreKey));
    }

    private sealed class RecordingHandler(List<(string, bool)> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Options.TryGetValue(MusicHttpRequestOptions.Operation, out var operation);
            lock (seen)
                seen.Add((operation ?? "(none)", MusicHttpRequestOptions.MayRetry(request)));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
