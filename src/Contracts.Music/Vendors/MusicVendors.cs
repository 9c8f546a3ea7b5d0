namespace Contracts.Music;

/// <summary>
/// The built-in vendor profiles: the four vendors whose pages the specs were written from. Each serves its dialect under
/// the path prefix its page shows, which is the one the spec (and so the dialect's descriptor) has.
/// </summary>
public static class MusicVendors
{
    /// <summary>openai-core (its API docs page, v3.5 section): GoAmz v3.5 at <c>https://api.openai-core.com/suno/v1/music</c>.</summary>
    public static MusicVendor OpenAiCore { get; } = Profile(
        "openai-core", MusicDialect.GoAmzV35, new Uri("https://api.openai-core.com/"), "openai-core API docs, the Suno v3.5 page");

    /// <summary>
    /// The "大模型接入文档" relay (its docs page, "大模型接入文档", large-model integration docs), named after the hichat.site client its page links to: GoAmz v3.0 under
    /// <c>/suno/v1/v3.0</c>. The page shows only relative paths, so the base URL must be configured.
    /// </summary>
    public static MusicVendor Hichat { get; } = Profile(
        "hichat", MusicDialect.GoAmzV30, null, "\"大模型接入文档\" (large-model integration docs), the Suno v3.0 page; the page gives no host");

    /// <summary>OpenAI-Hub (its Suno API docs page): the task dialect at <c>https://api.openai-hub.com/suno/...</c>.</summary>
    public static MusicVendor OpenAiHub { get; } = Profile(
        "openai-hub", MusicDialect.Task, new Uri("https://api.openai-hub.com/"), "OpenAI-Hub Suno API docs");

    /// <summary>
    /// "OpenAI 全球独家总代" (OpenAI global exclusive agent; its docs page): native v2 under <c>/suno/v2</c>. The page shows only relative paths, so the
    /// base URL must be configured.
    /// </summary>
    public static MusicVendor GlobalAgent { get; } = Profile(
        "global-agent", MusicDialect.NativeV2, null, "\"OpenAI 全球独家总代\" (OpenAI global exclusive agent) Suno docs; the page gives no host");

    /// <summary>All built-in profiles.</summary>
    public static IReadOnlyList<MusicVendor> All { get; } = [OpenAiCore, Hichat, OpenAiHub, GlobalAgent];

    /// <summary>A profile that serves its dialect under the dialect's own path prefix, as all four built-in vendors do.</summary>
    private static MusicVendor Profile(string name, MusicDialect dialect, Uri? baseUrl, string source) =>
        new(name, dialect, baseUrl, MusicVendor.DefaultPathPrefix(dialect), source);

    /// <summary>Finds a built-in profile by name (case-insensitive).</summary>
    /// <param name="name">The profile name.</param>
    /// <param name="vendor">The profile, when found.</param>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MusicVendor? vendor)
    {
        vendor = All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
        return vendor is not null;
    }
}
