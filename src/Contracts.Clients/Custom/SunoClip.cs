namespace Contracts.Clients
{
    /// <summary>
    /// Suno's clip object, as every dialect carries it (GoAmz keyed by id, the task dialect in a task's <c>data</c>,
    /// native v2 in the feed). Each spec declares its own <c>Clip</c> schema, so each generated namespace has its own
    /// <c>Clip</c> class; all four implement this interface with their generated properties, so one reader can map any
    /// of them and a member renamed in a spec breaks that reader's build.
    /// </summary>
    public interface ISunoClip
    {
        /// <summary>The clip id (<c>id</c>).</summary>
        string? Id { get; }

        /// <summary>The title (<c>title</c>).</summary>
        string? Title { get; }

        /// <summary>The clip status as sent (<c>status</c>: submitted, queued, streaming, complete, error).</summary>
        string? Status { get; }

        /// <summary>The audio URL (<c>audio_url</c>).</summary>
        string? AudioUrl { get; }

        /// <summary>The video URL (<c>video_url</c>).</summary>
        string? VideoUrl { get; }

        /// <summary>The cover image URL (<c>image_url</c>).</summary>
        string? ImageUrl { get; }

        /// <summary>The large cover image URL (<c>image_large_url</c>).</summary>
        string? ImageLargeUrl { get; }

        /// <summary>The model that made the clip (<c>model_name</c>).</summary>
        string? ModelName { get; }

        /// <summary>The major model version (<c>major_model_version</c>).</summary>
        string? MajorModelVersion { get; }

        /// <summary>When the clip was created (<c>created_at</c>).</summary>
        System.DateTimeOffset? CreatedAt { get; }

        /// <summary>The clip's metadata (<c>metadata</c>).</summary>
        ISunoClipMetadata? Metadata { get; }
    }

    /// <summary>Suno's clip <c>metadata</c> object, as every dialect carries it (see <see cref="ISunoClip"/>).</summary>
    public interface ISunoClipMetadata
    {
        /// <summary>Style tags (<c>tags</c>).</summary>
        string? Tags { get; }

        /// <summary>The lyrics (<c>prompt</c>).</summary>
        string? Prompt { get; }

        /// <summary>The inspiration-mode description (<c>gpt_description_prompt</c>).</summary>
        string? GptDescriptionPrompt { get; }

        /// <summary>The audio length in seconds (<c>duration</c>).</summary>
        double? Duration { get; }

        /// <summary>Why the clip failed (<c>error_message</c>).</summary>
        string? ErrorMessage { get; }

        /// <summary>The clips this one continues (<c>history</c>); entries a reader could not read are null.</summary>
        System.Collections.Generic.IEnumerable<ISunoClipHistoryEntry?>? History { get; }
    }

    /// <summary>One entry of a clip's <c>metadata.history</c>: the clip it continues and where.</summary>
    public interface ISunoClipHistoryEntry
    {
        /// <summary>The parent clip id (<c>id</c>).</summary>
        string? Id { get; }

        /// <summary>Where in the parent, in seconds (<c>continue_at</c>).</summary>
        double? ContinueAt { get; }
    }
}

// CUSTOM: each generated Clip/ClipMetadata/ClipHistoryEntry implements the shared Suno clip interfaces above, so the
// facade reads all four dialects' clips with one mapping checked by the compiler. Only members whose generated type
// differs per namespace are implemented explicitly here; the rest are the generated properties themselves.
namespace Contracts.Clients.GoAmzV35
{
    public partial class Clip : ISunoClip
    {
        ISunoClipMetadata? ISunoClip.Metadata => Metadata;
    }

    public partial class ClipMetadata : ISunoClipMetadata
    {
        System.Collections.Generic.IEnumerable<ISunoClipHistoryEntry?>? ISunoClipMetadata.History => History;
    }

    public partial class ClipHistoryEntry : ISunoClipHistoryEntry;
}

namespace Contracts.Clients.GoAmzV30
{
    public partial class Clip : ISunoClip
    {
        ISunoClipMetadata? ISunoClip.Metadata => Metadata;
    }

    public partial class ClipMetadata : ISunoClipMetadata
    {
        System.Collections.Generic.IEnumerable<ISunoClipHistoryEntry?>? ISunoClipMetadata.History => History;
    }

    public partial class ClipHistoryEntry : ISunoClipHistoryEntry;
}

namespace Contracts.Clients.TaskApi
{
    public partial class Clip : ISunoClip
    {
        ISunoClipMetadata? ISunoClip.Metadata => Metadata;
    }

    public partial class ClipMetadata : ISunoClipMetadata
    {
        System.Collections.Generic.IEnumerable<ISunoClipHistoryEntry?>? ISunoClipMetadata.History => History;
    }

    public partial class ClipHistoryEntry : ISunoClipHistoryEntry;
}

namespace Contracts.Clients.NativeV2
{
    public partial class Clip : ISunoClip
    {
        ISunoClipMetadata? ISunoClip.Metadata => Metadata;
    }

    public partial class ClipMetadata : ISunoClipMetadata
    {
        System.Collections.Generic.IEnumerable<ISunoClipHistoryEntry?>? ISunoClipMetadata.History => History;
    }

    public partial class ClipHistoryEntry : ISunoClipHistoryEntry;
}
