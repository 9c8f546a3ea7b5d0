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
        // A header value cannot hold them, and a key with a line break is a copy-and-paste accident, not a key.
        if (options.ApiKey.Any(char.IsControl))
            return "MusicClientOptions.ApiKey contains a line break or another control character: set the key alone, without surrounding whitespace.";
        if (CheckRetry(options.Retry) is { } retryProblem)
            return retryProblem;

        if (options.BatchSize is < 1 or > 1000)
            return $"MusicClientOptions.BatchSize is {options.BatchSize}: set 1 to 1,000 task ids per batch read (default {MusicClientOptions.DefaultBatchSize}).";
        if (options.MaxResponseBytes < 1024)
            return $"MusicClientOptions.MaxResponseBytes is {options.MaxResponseBytes}: set at least 1,024 bytes (default {MusicClientOptions.DefaultMaxResponseBytes:N0}).";
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
        // Every request path is built under the base URL's path; a query or fragment would be silently dropped.
        if (baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0)
            return $"MusicClientOptions.BaseUrl '{baseUrl.GetLeftPart(UriPartial.Path)}...' has a query or fragment, which no request could keep: set the scheme, host and path only (for example https://api.example.com/).";
        // The key travels as a bearer header: in clear over plain http, except to this machine (the emulator).
        if (baseUrl.Scheme == Uri.UriSchemeHttp && !baseUrl.IsLoopback && !options.AllowInsecureHttp)
            return $"MusicClientOptions.BaseUrl '{baseUrl.GetLeftPart(UriPartial.Authority)}' is plain http to another machine: the API key would cross the network in clear. Use https, or set AllowInsecureHttp = true if this network is trusted.";

        // The generated clients append relative paths, which only works under a base address that ends with '/'.
        if (!baseUrl.AbsolutePath.EndsWith('/'))
            baseUrl = new Uri(baseUrl.AbsoluteUri + "/");

        var prefix = (options.PathPrefix ?? profile?.PathPrefix ?? MusicVendor.DefaultPathPrefix(dialect)).Trim('/');
        if (CheckPathPrefix(prefix) is { } prefixProblem)
            return prefixProblem;
        var name = options.VendorName ?? profile?.Name ?? baseUrl.Host;
        target = new MusicTarget(name, dialect, baseUrl, prefix);
        return null;
    }

    /// <summary>A prefix is path segments only: no <c>..</c> or <c>.</c>, no query, fragment, escape or backslash.</summary>
    private static string? CheckPathPrefix(string prefix)
    {
        if (prefix.Length == 0)
            return null;
        foreach (var segment in prefix.Split('/'))
        {
            if (segment is "" or "." or ".." || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
                return $"MusicClientOptions.PathPrefix '{prefix}' is not a plain path: set segments of letters, digits, '-', '.', '_' or '~' separated by '/' (for example suno/v1/mv-3.5), without '..', '?', '#', '%' or '\\'.";
        }
        return null;
    }

    /// <summary>The retry options, checked here so a wrong value fails at construction with what to set, not later inside Polly.</summary>
    private static string? CheckRetry(MusicRetryOptions? retry)
    {
        if (retry is null)
            return "MusicClientOptions.Retry is null: leave it at its default or set a MusicRetryOptions.";
        if (retry.MaxRetries is < 0 or > 10)
            return $"MusicRetryOptions.MaxRetries is {retry.MaxRetries}: set 0 (no retries) to 10.";
        if (retry.AttemptTimeout <= TimeSpan.Zero || retry.AttemptTimeout >= TimeSpan.FromDays(1))
            return $"MusicRetryOptions.AttemptTimeout is {retry.AttemptTimeout}: set more than zero and less than a day (default 100 s).";
        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay >= TimeSpan.FromDays(1))
            return $"MusicRetryOptions.BaseDelay is {retry.BaseDelay}: set zero or more, less than a day (default 1 s).";
        if (retry.MaxDelay < retry.BaseDelay || retry.MaxDelay >= TimeSpan.FromDays(1))
            return $"MusicRetryOptions.MaxDelay is {retry.MaxDelay}: set at least BaseDelay ({retry.BaseDelay}) and less than a day (default 30 s).";
        return null;
    }
}
