namespace Contracts.Music.DependencyInjection;

/// <summary>
/// Creates the <see cref="IMusicClient"/> of a vendor registered by name with
/// <see cref="MusicServiceCollectionExtensions.AddMusicClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, string, Action{MusicClientOptions})"/>,
/// for code that picks the vendor at run time (the keyed service <c>[FromKeyedServices("name")] IMusicClient</c> is the same client).
/// </summary>
public interface IMusicClientFactory
{
    /// <summary>The registered names; the empty string (<c>Options.DefaultName</c>) is the vendor registered without a name.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Creates the client of the vendor registered as <paramref name="name"/>. Clients are cheap: the HTTP connections are pooled by IHttpClientFactory.</summary>
    /// <param name="name">A registered name; the empty string for the vendor registered without a name.</param>
    /// <exception cref="InvalidOperationException">No vendor is registered as <paramref name="name"/> (the message lists the names), or its options are not usable.</exception>
    IMusicClient CreateClient(string name);
}

internal sealed class MusicClientFactory(IServiceProvider services, MusicClientRegistry registry) : IMusicClientFactory
{
    public IReadOnlyList<string> Names => registry.Names;

    public IMusicClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!registry.Names.Contains(name, StringComparer.Ordinal))
            throw new InvalidOperationException(
                $"No music client is registered as '{name}'. Registered: {(registry.Names.Count == 0 ? "none" : string.Join(", ", registry.Names.Select(n => n.Length == 0 ? "(without a name)" : $"'{n}'")))}. " +
                "Register it with services.AddMusicClient(name, ...).");
        return MusicServiceCollectionExtensions.Create(services, name);
    }
}
