namespace Contracts.Music;

/// <summary>
/// A vendor profile: which dialect it speaks, where, and under which path prefix. Built-in profiles are in
/// <see cref="MusicVendors"/>; any other vendor is a base URL plus a dialect (<see cref="MusicClientOptions"/>).
/// </summary>
/// <param name="Name">The profile name, as used in <see cref="MusicClientOptions.Vendor"/>.</param>
/// <param name="Dialect">The dialect the vendor speaks.</param>
/// <param name="BaseUrl">The vendor's host, or null when its documentation gives only relative paths (then configure <see cref="MusicClientOptions.BaseUrl"/>).</param>
/// <param name="PathPrefix">The path before the dialect's operations, for example <c>suno/v1/v3.0</c>; null means the dialect's default (<see cref="DefaultPathPrefix"/>).</param>
/// <param name="Source">Where the profile comes from (the vendor page).</param>
public sealed record MusicVendor(string Name, MusicDialect Dialect, Uri? BaseUrl, string? PathPrefix, string Source)
{
    /// <summary>The path prefix the dialect's spec (and generated client) uses: the dialect's
    /// <see cref="Contracts.Clients.DialectDescriptor.DefaultPathPrefix"/>.</summary>
    /// <param name="dialect">The dialect.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dialect"/> is not a defined <see cref="MusicDialect"/>.</exception>
    public static string DefaultPathPrefix(MusicDialect dialect) => dialect.Descriptor().DefaultPathPrefix;
}
