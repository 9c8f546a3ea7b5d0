namespace Contracts.Clients;

public static partial class DialectCatalog
{
    /// <summary>
    /// GoAmz v3.0 (<c>specs/goamz-v3.0.yaml</c>, the same GoAmz format one version earlier, as the relay behind
    /// hichat.site sells it): songs, joining an extended clip into a full song, and lyrics. Same envelope and task
    /// status words as <see cref="GoAmzV35"/>, under its own path prefix.
    /// </summary>
    public static DialectDescriptor GoAmzV30 { get; } = new(
        name: "goamz-v3.0",
        displayName: "GoAmz v3.0",
        clientType: typeof(GoAmzV30.GoAmzV30Client),
        defaultPathPrefix: "suno/v1/v3.0",
        operations: ["submitMusic", "concatMusic", "getMusic", "submitLyrics", "getLyrics"],
        capabilities: DialectCapabilities.Continuation | DialectCapabilities.Lyrics | DialectCapabilities.Concat,
        taskStatuses: GoAmzTaskStatuses);
}
