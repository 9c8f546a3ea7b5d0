using System.Diagnostics.CodeAnalysis;

namespace Contracts.Music;

/// <summary>The vendor a client talks to, resolved from <see cref="MusicClientOptions"/> once, at construction.</summary>
internal sealed record MusicTarget(string VendorName, MusicDialect Dialect, Uri BaseUrl, string PathPrefix)
{
    /// <summary>Resolves and checks the options; a problem is an <see cref="ArgumentException"/> that says what to set.</summary>
    public static MusicTarget Resolve(MusicClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TryResolve(options, out var target, out var problem) ? target : throw new ArgumentException(problem, nameof(options));
    }

    /// <summary>Resolves the options, or says what is wrong with them.</summary>
    public static bool TryResolve(MusicClientOptions options, [NotNullWhen(true)] out MusicTarget? target, [NotNullWhen(false)] out string? problem)
    {
        target = null;
        problem = Check(options, ref target);
        return problem is null;
    }

    private static string? Check(MusicClientOptions options, ref MusicTarget? target)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ApiKey))
            return "MusicClientOptions.ApiKey is not set: every dialect needs a bearer token.";

        if (options.BatchSize is < 1 or > 1000)
            return $"MusicClientOptions.BatchSize is {options.BatchSize}: set 1 to 1,000 task ids per batch read (default {MusicClientOptions.DefaultBatchSize}).";
        if (options.MaxConcurrentReads is < 1 or > 64)
            return $"MusicClientOptions.MaxConcurrentReads is {options.MaxConcurrentReads}: set 1 to 64 reads at once (default 4).";

        MusicVendor? profile = null;
        if (!string.IsNullOrWhiteSpace(options.Vendor) && !MusicVendors.TryGet(options.Vendor, out profile))
            return $"MusicClientOptions.Vendor '{options.Vendor}' is not a built-in profile ({string.Join(", ", MusicVendors.All.Select(v => v.Name))}). " +
                "For another vendor leave Vendor empty and set BaseUrl and Dialect.";

        if (profile is not null && options.Dialect is { } asked && asked != profile.Dialect)
            return $"MusicClientOptions.Dialect is {asked}, but vendor '{profile.Name}' speaks {profile.Dialect}. Leave Dialect empty, or leave Vendor empty for a custom vendor.";

        if ((profile?.Dialect ?? options.Dialect) is not { } dialect)
            return "MusicClientOptions needs Vendor (a built-in profile) or Dialect (for a custom vendor).";

        var baseUrl = options.BaseUrl ?? profile?.BaseUrl;
        if (baseUrl is null)
            return profile is null
                ? "MusicClientOptions.BaseUrl is not set: a custom vendor is a base URL plus a dialect."
                : $"Vendor '{profile.Name}' publishes no host ({profile.Source}): set MusicClientOptions.BaseUrl.";
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            return $"MusicClientOptions.BaseUrl '{baseUrl}' is not an absolute http(s) URL.";
        if (!string.IsNullOrEmpty(baseUrl.UserInfo))
            return "MusicClientOptions.BaseUrl must not carry credentials; set ApiKey instead.";

        // The generated clients append relative paths, which only works under a base address that ends with '/'.
        if (!baseUrl.AbsolutePath.EndsWith('/'))
            baseUrl = new Uri(baseUrl.AbsoluteUri + "/");

        var prefix = (options.PathPrefix ?? profile?.PathPrefix ?? MusicVendor.DefaultPathPrefix(dialect)).Trim('/');
        var name = options.VendorName ?? profile?.Name ?? baseUrl.Host;
        target = new MusicTarget(name, dialect, baseUrl, prefix);
        return null;
    }
}
