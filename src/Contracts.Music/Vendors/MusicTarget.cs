namespace Contracts.Music;

/// <summary>The vendor a client talks to, resolved from <see cref="MusicClientOptions"/> once, at construction.</summary>
internal sealed record MusicTarget(string VendorName, MusicDialect Dialect, Uri BaseUrl, string PathPrefix)
{
    /// <summary>Resolves and checks the options; every problem is an <see cref="ArgumentException"/> that says what to set.</summary>
    public static MusicTarget Resolve(MusicClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ApiKey))
            throw new ArgumentException("MusicClientOptions.ApiKey is not set: every dialect needs a bearer token.", nameof(options));

        MusicVendor? profile = null;
        if (!string.IsNullOrWhiteSpace(options.Vendor) && !MusicVendors.TryGet(options.Vendor, out profile))
            throw new ArgumentException(
                $"MusicClientOptions.Vendor '{options.Vendor}' is not a built-in profile ({string.Join(", ", MusicVendors.All.Select(v => v.Name))}). " +
                "For another vendor leave Vendor empty and set BaseUrl and Dialect.", nameof(options));

        if (profile is not null && options.Dialect is { } asked && asked != profile.Dialect)
            throw new ArgumentException(
                $"MusicClientOptions.Dialect is {asked}, but vendor '{profile.Name}' speaks {profile.Dialect}. Leave Dialect empty, or leave Vendor empty for a custom vendor.", nameof(options));

        var dialect = profile?.Dialect ?? options.Dialect
            ?? throw new ArgumentException("MusicClientOptions needs Vendor (a built-in profile) or Dialect (for a custom vendor).", nameof(options));

        var baseUrl = options.BaseUrl ?? profile?.BaseUrl
            ?? throw new ArgumentException(
                profile is null
                    ? "MusicClientOptions.BaseUrl is not set: a custom vendor is a base URL plus a dialect."
                    : $"Vendor '{profile.Name}' publishes no host ({profile.Source}): set MusicClientOptions.BaseUrl.", nameof(options));
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"MusicClientOptions.BaseUrl '{baseUrl}' is not an absolute http(s) URL.", nameof(options));
        if (!string.IsNullOrEmpty(baseUrl.UserInfo))
            throw new ArgumentException("MusicClientOptions.BaseUrl must not carry credentials; set ApiKey instead.", nameof(options));

        // The generated clients append relative paths, which only works under a base address that ends with '/'.
        if (!baseUrl.AbsolutePath.EndsWith('/'))
            baseUrl = new Uri(baseUrl.AbsoluteUri + "/");

        var prefix = (options.PathPrefix ?? profile?.PathPrefix ?? MusicVendor.DefaultPathPrefix(dialect)).Trim('/');
        var name = options.VendorName ?? profile?.Name ?? baseUrl.Host;
        return new MusicTarget(name, dialect, baseUrl, prefix);
    }
}
