using Contracts.Music.Diagnostics;
using Contracts.Music.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Contracts.Music.DependencyInjection;

/// <summary>
/// Registers <see cref="IMusicClient"/> with the options pattern and IHttpClientFactory: one vendor without a name, or
/// several by name (keyed services, <see cref="IMusicClientFactory"/>), each with its own options and HTTP client.
/// </summary>
public static class MusicServiceCollectionExtensions
{
    /// <summary>The name of the HTTP client of the vendor registered without a name; a named vendor's is <c>Contracts.Music:{name}</c> (<see cref="HttpClientNameFor"/>).</summary>
    public const string HttpClientName = "Contracts.Music";

    /// <summary>
    /// The name of the resilience handler (Microsoft.Extensions.Http.Resilience) on each vendor's HTTP client: read
    /// retries and the attempt timeout (<see cref="MusicRetryOptions"/>). Its pipeline is named
    /// <c>{HTTP client name}-Contracts.Music</c>, as every handler added by <c>AddResilienceHandler</c> is.
    /// </summary>
    public const string ResilienceHandlerName = "Contracts.Music";

    /// <summary>The HTTP client name of the vendor registered as <paramref name="name"/> (<see cref="Options.DefaultName"/> for the one without a name).</summary>
    /// <param name="name">The vendor's registration name.</param>
    public static string HttpClientNameFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0 ? HttpClientName : $"{HttpClientName}:{name}";
    }

    /// <summary>Registers <see cref="IMusicClient"/> configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the vendor, key and policies.</param>
    /// <returns>The vendor's HTTP client builder: its resilience handler and handlers can be inspected, extended or replaced.</returns>
    /// <exception cref="InvalidOperationException">A vendor without a name is already registered.</exception>
    public static IHttpClientBuilder AddMusicClient(this IServiceCollection services, Action<MusicClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, Options.DefaultName, options => options.Configure(configure));
    }

    /// <summary>
    /// Registers <see cref="IMusicClient"/> bound to a configuration section, for example <c>configuration.GetSection("Music")</c>
    /// (environment variables <c>Music__Vendor</c>, <c>Music__ApiKey</c>, <c>Music__BaseUrl</c>, <c>Music__Dialect</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="MusicClientOptions"/>.</param>
    /// <returns>The vendor's HTTP client builder.</returns>
    /// <exception cref="InvalidOperationException">A vendor without a name is already registered.</exception>
    public static IHttpClientBuilder AddMusicClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, Options.DefaultName, options => options.Bind(configuration));
    }

    /// <summary>
    /// Registers one of several vendors as <paramref name="name"/>: resolve it with <c>[FromKeyedServices("name")] IMusicClient</c>,
    /// <c>GetRequiredKeyedService&lt;IMusicClient&gt;("name")</c> or <see cref="IMusicClientFactory.CreateClient"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The vendor's name in this application, for example <c>hub</c>.</param>
    /// <param name="configure">Sets the vendor, key and policies.</param>
    /// <returns>The vendor's HTTP client builder (HTTP client <c>Contracts.Music:{name}</c>).</returns>
    /// <exception cref="InvalidOperationException">A vendor is already registered as <paramref name="name"/>.</exception>
    public static IHttpClientBuilder AddMusicClient(this IServiceCollection services, string name, Action<MusicClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, name, options => options.Configure(configure));
    }

    /// <summary>Registers one of several vendors as <paramref name="name"/>, bound to a configuration section (for example <c>Music:hub</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The vendor's name in this application.</param>
    /// <param name="configuration">The section holding this vendor's <see cref="MusicClientOptions"/>.</param>
    /// <returns>The vendor's HTTP client builder (HTTP client <c>Contracts.Music:{name}</c>).</returns>
    /// <exception cref="InvalidOperationException">A vendor is already registered as <paramref name="name"/>.</exception>
    public static IHttpClientBuilder AddMusicClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, name, options => options.Bind(configuration));
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string name, Action<OptionsBuilder<MusicClientOptions>> configure)
    {
        // A second registration of a name used to merge into the first (the last vendor won): now it stops start-up here.
        MusicClientRegistry.Of(services).Add(name);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMusicClientFactory, MusicClientFactory>();
        // Checked on start (ValidateOnStart) and whenever resolved, with the same messages as the plain constructor.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MusicClientOptions>, MusicClientOptionsValidator>());
        var options = services.AddOptions<MusicClientOptions>(name);
        configure(options);
        options.ValidateOnStart();

        if (name.Length == 0)
            services.AddTransient<IMusicClient>(sp => Create(sp, name));
        else
            services.AddKeyedTransient<IMusicClient>(name, (sp, _) => Create(sp, name));

        var builder = services.AddHttpClient(HttpClientNameFor(name))
            .ConfigureHttpClient((sp, http) =>
            {
                http.BaseAddress = MusicTarget.Resolve(Resolve(sp, name)).BaseUrl;
                // Attempt timeouts come from MusicRetryOptions in the resilience handler.
                http.Timeout = Timeout.InfiniteTimeSpan;
            });
        // Outermost first: retries and attempt timeouts around the facade's per-attempt handler (auth, prefix, body).
        builder.AddResilienceHandler(ResilienceHandlerName, (pipeline, context) =>
        {
            var vendor = Resolve(context.ServiceProvider, name);
            MusicResilience.Configure(pipeline, vendor.Retry, Observer(context.ServiceProvider, vendor));
        });
        builder.AddHttpMessageHandler(sp =>
        {
            var vendor = Resolve(sp, name);
            return new MusicHttpHandler(MusicTarget.Resolve(vendor), vendor.ApiKey!, sp.GetRequiredService<TimeProvider>(), vendor.MaxResponseBytes);
        });
        return builder;
    }

    internal static MusicClient Create(IServiceProvider services, string name)
    {
        var options = Resolve(services, name);
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientNameFor(name));
        return new MusicClient(http, options, services.GetRequiredService<TimeProvider>(), services.GetService<ILoggerFactory>());
    }

    private static MusicObserver Observer(IServiceProvider services, MusicClientOptions options) =>
        new(MusicTarget.Resolve(options), services.GetService<ILoggerFactory>(), new Errors.SecretMask(options.ApiKey!));

    // Get(name) runs the validator, so an unusable configuration fails here with its reason.
    private static MusicClientOptions Resolve(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<MusicClientOptions>>().Get(name);

    private sealed class MusicClientOptionsValidator : IValidateOptions<MusicClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, MusicClientOptions options) =>
            MusicTarget.TryResolve(options, out _, out var problem)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(string.IsNullOrEmpty(name) ? problem : $"Music client '{name}': {problem}");
    }
}
