namespace Contracts.Music;

/// <summary>
/// The wire formats ("dialects") in which relay vendors resell the Suno API. The set is ours (one spec per dialect
/// in <c>specs/</c>), so it is a closed enum, unlike the vendor-controlled values. Everything else about a dialect (its
/// name as text, spec, generated client, path prefix, capabilities, status words) is in its
/// <see cref="Contracts.Clients.DialectDescriptor"/>: <see cref="MusicDialectDescriptors.Descriptor"/>.
/// </summary>
public enum MusicDialect
{
    /// <summary>GoAmz v3.5 (<c>specs/goamz-v3.5.yaml</c>): submit and get music; integer <c>code</c>, clips keyed by id.</summary>
    GoAmzV35,

    /// <summary>GoAmz v3.0 (<c>specs/goamz-v3.0.yaml</c>): submit, concat and get music, submit and get lyrics.</summary>
    GoAmzV30,

    /// <summary>The task dialect ("通用", <c>specs/task.yaml</c>): submit music and lyrics, fetch one or many tasks; string <c>code</c>.</summary>
    Task,

    /// <summary>Suno's own web API passed through (<c>specs/native-v2.yaml</c>): generate, feed, lyrics, upload.</summary>
    NativeV2,
}
