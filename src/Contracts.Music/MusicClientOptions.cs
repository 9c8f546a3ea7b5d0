namespace Contracts.Music;

/// <summary>
/// Configuration of a <see cref="MusicClient"/>: a built-in vendor (<see cref="Vendor"/>) or a custom one
/// (<see cref="BaseUrl"/> + <see cref="Dialect"/>), and the API key. Bindable from configuration, for example the
/// section <c>Music</c> or environment variables <c>Music__Vendor</c>, <c>Music__ApiKey</c>.
/// </summary>
public sealed class MusicClientOptions
{
    /// <summary>The default <see cref="BatchSize"/>.</summary>
    public const int DefaultBatchSize = 50;

    /// <summary>The configuration section <see cref="DependencyInjection.MusicServiceCollectionExtensions.AddMusicClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/> reads by convention.</summary>
    public const string SectionName = "Music";

    /// <summary>A built-in profile name (<see cref="MusicVendors"/>: openai-core, hichat, openai-hub, global-agent). Null for a custom vendor.</summary>
    public string? Vendor { get; set; }

    /// <summary>The vendor's base URL. Overrides the profile's; required for a custom vendor or a profile without a host.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The dialect of a custom vendor. With <see cref="Vendor"/> set it must be left null or match the profile.</summary>
    public MusicDialect? Dialect { get; set; }

    /// <summary>The path prefix (for example <c>suno/v1/mv-3.5</c>); overrides the profile's or the dialect's default.</summary>
    public string? PathPrefix { get; set; }

    /// <summary>The API key, sent as <c>Authorization: Bearer</c>. Never written to messages, logs or <c>ToString()</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A name for a custom vendor in error messages. Default: the base URL's host.</summary>
    public string? VendorName { get; set; }

    /// <summary>How many reads run at once when <see cref="IMusicClient.GetTasksAsync"/> has to read ids one by one. Default 4.</summary>
    public int MaxConcurrentReads { get; set; } = 4;

    /// <summary>
    /// How many task ids one batch read carries where the dialect reads many tasks in one call (the task dialect's
    /// <c>POST /suno/fetch</c>); more ids are read in further calls. Native v2's feed is split by URL length instead.
    /// Default 50; 1 to 1,000.
    /// </summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>
    /// Allows a plain <c>http://</c> base URL to another machine, which sends the API key in clear. Off by default: such a
    /// URL is refused at construction. <c>http://</c> to this machine (127.0.0.1, localhost, the emulator) is always allowed.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// The largest response body read, in bytes; a longer one fails the call with <see cref="MusicApiErrorKind.InvalidResponse"/>
    /// instead of filling memory. Default 16 MiB (real answers are a few KB; a feed page of many clips stays far below).
    /// </summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The default <see cref="MaxResponseBytes"/>: 16 MiB.</summary>
    public const int DefaultMaxResponseBytes = 16 * 1024 * 1024;

    /// <summary>Retry policy for reads and the per-attempt timeout.</summary>
    public MusicRetryOptions Retry { get; set; } = new();

    /// <summary>Describes the target without the key.</summary>
    public override string ToString() =>
        $"MusicClientOptions {{ Vendor = {Vendor ?? "(custom)"}, BaseUrl = {BaseUrl?.ToString() ?? "(profile)"}, Dialect = {Dialect?.ToString() ?? "(profile)"}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")} }}";
}
