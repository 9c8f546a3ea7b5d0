namespace Contracts.Clients;

public static partial class DialectCatalog
{
    /// <summary>
    /// Native v2 (<c>specs/native-v2.yaml</c>): Suno's own web API, passed through by relays under <c>/suno/v2</c>.
    /// There is no task: a generation answers with its new clips at once and the caller follows the clips through the
    /// feed (so <see cref="DialectDescriptor.TaskStatuses"/> is empty; see <see cref="ClipStatuses"/>). Also lyrics,
    /// uploading audio from a URL, and infill. Errors are Suno's <c>{detail}</c>.
    /// </summary>
    public static DialectDescriptor NativeV2 { get; } = new(
        name: "native-v2",
        displayName: "native v2",
        clientType: typeof(NativeV2.NativeV2Client),
        defaultPathPrefix: "suno",
        operations: ["generateMusic", "getFeed", "generateLyrics", "getLyrics", "createUpload", "finishUpload", "getUpload", "initializeUploadClip"],
        capabilities: DialectCapabilities.Continuation | DialectCapabilities.Lyrics | DialectCapabilities.BatchQuery | DialectCapabilities.Upload | DialectCapabilities.Infill,
        taskStatuses: DialectDescriptor.StatusTable());
}
