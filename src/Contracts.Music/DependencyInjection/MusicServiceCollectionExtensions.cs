using Contracts.Music.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Contracts.Music.DependencyInjection;

/// <summary>Registers <see cref="IMusicClient"/> with the options pattern and IHttpClientFactory.</summary>
public static class MusicServiceCollectionExtensions
{
    /// <summary>The name of the HTTP client the facade uses, for further configuration with <c>AddHttpClient(name)</c>.</summary>
    public const string HttpClientName = "Contracts.Music";

    /// <summary>Registers <see cref="IMusicClient"/> configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the vendor, key and policies.</param>
    public static IHttpClientBuilder AddMusicClient(this IServiceCollection services, Action<MusicClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MusicClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="IMusicClient"/> bound to a configuration section, for example <c>configuration.GetSection("Music")</c>
    /// (environment variables <c>Music__Vendor</c>, <c>Music__ApiKey</c>, <c>Music__BaseUrl</c>, <c>Music__Dialect</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="MusicClientOptions"/>.</param>
    public static IHttpClientBuilder AddMusicClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MusicClientOptions>().Bind(configuration);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Checked when first resolved, with the same messages as the plain constructor.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MusicClientOptions>, MusicClientOptionsValidator>());
        services.TryAddTransient<IMusicClient>(sp =>
        {
            var options = Resolve(sp);
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new MusicClient(http, options, sp.GetRequiredService<TimeProvider>());
        });
        return services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((sp, http) =>
            {
                http.BaseAddress = MusicTarget.Resolve(Resolve(sp)).BaseUrl;
                // Per-attempt timeouts come from MusicRetryOptions in the handler.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(sp =>
            {
                var options = Resolve(sp);
                return new MusicHttpHandler(MusicTarget.Resolve(options), options.ApiKey!, options.Retry, sp.GetRequiredService<TimeProvider>(), options.MaxResponseBytes);
            });
    }

    // IOptions<T>.Value runs the validator, so an unusable configuration fails here with its reason.
    private static MusicClientOptions Resolve(IServiceProvider services) =>
        services.GetRequiredService<IOptions<MusicClientOptions>>().Value;

    private sealed class MusicClientOptionsValidator : IValidateOptions<MusicClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, MusicClientOptions options) =>
            MusicTarget.TryResolve(options, out _, out var problem) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}
