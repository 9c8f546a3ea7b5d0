using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Contracts.Music.DependencyInjection;

namespace Contracts.Music.Tests;

/// <summary>Vendor profiles, option checks with messages that say what to set, configuration binding and DI.</summary>
public sealed class OptionsAndRegistrationTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    [Fact]
    public void The_four_seed_vendors_are_built_in()
    {
        Assert.Equal(["openai-core", "hichat", "openai-hub", "global-agent"], MusicVendors.All.Select(v => v.Name));
        Assert.Equal([MusicDialect.GoAmzV35, MusicDialect.GoAmzV30, MusicDialect.Task, MusicDialect.NativeV2], MusicVendors.All.Select(v => v.Dialect));
        using var hub = new MusicClient(new MusicClientOptions { Vendor = "OpenAI-Hub", ApiKey = TestKeys.ApiKey });
        Assert.Equal("openai-hub", hub.Vendor);
        Assert.Equal(MusicDialect.Task, hub.Dialect);
        Assert.True(hub.Capabilities.BatchQuery);
    }

    [Theory]
    [InlineData(null, null, null, "x", "needs Vendor (a built-in profile) or Dialect")]
    [InlineData("nope", null, null, "x", "'nope' is not a built-in profile (openai-core, hichat, openai-hub, global-agent)")]
    [InlineData("hichat", null, null, "x", "Vendor 'hichat' publishes no host")]
    [InlineData("openai-core", MusicDialect.Task, null, "x", "vendor 'openai-core' speaks GoAmzV35")]
    [InlineData(null, MusicDialect.Task, null, "x", "BaseUrl is not set")]
    [InlineData(null, MusicDialect.Task, "ftp://example.com/", "x", "is not an absolute http(s) URL")]
    [InlineData("openai-hub", null, null, "", "ApiKey is not set")]
    public void Unusable_options_fail_at_construction_saying_what_to_set(string? vendor, MusicDialect? dialect, string? baseUrl, string apiKey, string message)
    {
        var options = new MusicClientOptions { Vendor = vendor, Dialect = dialect, BaseUrl = baseUrl is null ? null : new Uri(baseUrl), ApiKey = apiKey };
        var error = Assert.Throws<ArgumentException>(() => new MusicClient(options));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Options_and_clients_never_print_the_key()
    {
        var options = new MusicClientOptions { Vendor = "openai-core", ApiKey = TestKeys.ApiKey };
        using var client = new MusicClient(options);
        Assert.DoesNotContain(TestKeys.ApiKey, options.ToString());
        Assert.Contains("ApiKey = ***", options.ToString());
        Assert.DoesNotContain(TestKeys.ApiKey, client.ToString());
    }

    [Fact]
    public async Task AddMusicClient_binds_configuration_and_calls_through_IHttpClientFactory()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("GET", "/suno/fetch/736a6f88-bd29-4b1e-b110-37132a5325ac", Samples.Read("task", "fetchTask.response.ours.json"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Music:BaseUrl"] = server.BaseAddress.ToString(),
            ["Music:Dialect"] = "Task",
            ["Music:ApiKey"] = TestKeys.ApiKey,
            ["Music:MaxConcurrentReads"] = "3",
            ["Music:Retry:MaxRetries"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddMusicClient(configuration.GetSection(MusicClientOptions.SectionName));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IMusicClient>();
        var task = await client.GetTaskAsync("736a6f88-bd29-4b1e-b110-37132a5325ac", Ct);

        Assert.Equal(MusicDialect.Task, client.Dialect);
        Assert.Equal(0, provider.GetRequiredService<IOptions<MusicClientOptions>>().Value.Retry.MaxRetries);
        Assert.Equal(MusicTaskStatus.Pending, task.Status);
        Assert.Equal("Bearer " + TestKeys.ApiKey, Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task AddMusicClient_with_unusable_options_fails_on_resolve_with_the_reason()
    {
        var services = new ServiceCollection();
        services.AddMusicClient(o => o.Vendor = "global-agent");
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IMusicClient>());

        Assert.Contains("ApiKey is not set", error.Message);
    }
}
