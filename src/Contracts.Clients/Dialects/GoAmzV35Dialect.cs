namespace Contracts.Clients;

public static partial class DialectCatalog
{
    /// <summary>
    /// GoAmz v3.5 (<c>specs/goamz-v3.5.yaml</c>, the format of GoAPI/PiAPI's "GoAmz" Suno API as the openai-core relay
    /// sells it): submit a song and read it back, nothing else. Answers are wrapped in <c>{code, message, data}</c> with
    /// an integer <c>code</c>; clips come as an object keyed by clip id.
    /// </summary>
    public static DialectDescriptor GoAmzV35 { get; } = new(
        name: "goamz-v3.5",
        displayName: "GoAmz v3.5",
        clientType: typeof(GoAmzV35.GoAmzV35Client),
        defaultPathPrefix: "suno/v1",
        operations: ["submitMusic", "getMusic"],
        capabilities: DialectCapabilities.Continuation,
        taskStatuses: GoAmzTaskStatuses);
}
