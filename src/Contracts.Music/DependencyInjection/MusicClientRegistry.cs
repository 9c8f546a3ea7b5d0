using Microsoft.Extensions.DependencyInjection;

namespace Contracts.Music.DependencyInjection;

/// <summary>The vendor names registered in one service collection: kept in it as a singleton instance, so a duplicate is caught while registering.</summary>
internal sealed class MusicClientRegistry
{
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names => _names;

    public static MusicClientRegistry Of(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(MusicClientRegistry) && descriptor.ImplementationInstance is MusicClientRegistry existing)
                return existing;
        }
        var registry = new MusicClientRegistry();
        services.AddSingleton(registry);
        return registry;
    }

    public void Add(string name)
    {
        if (_names.Contains(name, StringComparer.Ordinal))
            throw new InvalidOperationException(name.Length == 0
                ? "AddMusicClient was called twice without a name: the second vendor would silently replace or merge into the first. " +
                  "Register each vendor once; for several vendors give each a name: AddMusicClient(\"hub\", ...), then resolve [FromKeyedServices(\"hub\")] IMusicClient."
                : $"A music client named '{name}' is already registered: each name is one vendor with its own options and HTTP client. Use another name for another vendor.");
        _names.Add(name);
    }
}
