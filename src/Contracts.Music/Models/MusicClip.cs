using System.Text.Json;

namespace Contracts.Music;

/// <summary>One generated clip (a song), normalized from whichever dialect sent it. The vendor's JSON is kept in <see cref="Raw"/>.</summary>
public sealed class MusicClip
{
    /// <summary>The clip id (opaque).</summary>
    public required string Id { get; init; }

    /// <summary>The title.</summary>
    public string? Title { get; init; }

    /// <summary>The clip's status, normalized (<see cref="MusicStatusMap"/>).</summary>
    public MusicTaskStatus Status { get; init; }

    /// <summary>The status exactly as the vendor sent it.</summary>
    public string? VendorStatus { get; init; }

    /// <summary>The audio: a stream URL while streaming, the final file when complete.</summary>
    public Uri? AudioUrl { get => _audioUrl.Value; init => _audioUrl = new(value); }

    /// <summary>The URL as sent; parsed into <see cref="AudioUrl"/> when first read.</summary>
    internal string? AudioUrlText { init => _audioUrl = new(value); }

    /// <summary>The video, when the vendor has rendered one.</summary>
    public Uri? VideoUrl { get => _videoUrl.Value; init => _videoUrl = new(value); }

    /// <summary>The URL as sent; parsed into <see cref="VideoUrl"/> when first read.</summary>
    internal string? VideoUrlText { init => _videoUrl = new(value); }

    /// <summary>The cover image.</summary>
    public Uri? ImageUrl { get => _imageUrl.Value; init => _imageUrl = new(value); }

    /// <summary>The URL as sent; parsed into <see cref="ImageUrl"/> when first read.</summary>
    internal string? ImageUrlText { init => _imageUrl = new(value); }

    /// <summary>The large cover image.</summary>
    public Uri? ImageLargeUrl { get => _imageLargeUrl.Value; init => _imageLargeUrl = new(value); }

    /// <summary>The URL as sent; parsed into <see cref="ImageLargeUrl"/> when first read.</summary>
    internal string? ImageLargeUrlText { init => _imageLargeUrl = new(value); }

    /// <summary>The length of the audio, once known.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Style tags.</summary>
    public string? Tags { get; init; }

    /// <summary>The lyrics (Suno's <c>metadata.prompt</c>).</summary>
    public string? Lyrics { get; init; }

    /// <summary>The inspiration-mode description, when the clip came from one.</summary>
    public string? Description { get; init; }

    /// <summary>The model the clip reports (<c>model_name</c>); may differ from the one requested.</summary>
    public MusicModel? Model { get; init; }

    /// <summary>The model that was asked for, where the dialect echoes the request (GoAmz <c>input.mv</c>).</summary>
    public MusicModel? RequestedModel { get => _requestedModel?.Value ?? _requested; init => _requested = value; }

    /// <summary>Reads <see cref="RequestedModel"/> from the answer when first asked (GoAmz echoes the request as JSON text).</summary>
    internal Wire.LazyValue<MusicModel?>? RequestedModelSource { init => _requestedModel = value; }

    /// <summary>The major model version the clip reports (<c>major_model_version</c>, for example <c>v3</c>).</summary>
    public string? MajorModelVersion { get; init; }

    /// <summary>Why the clip failed (<c>metadata.error_message</c>).</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>For a continuation: the clip it extends (first <c>metadata.history</c> entry).</summary>
    public string? ContinuedFromClipId { get; init; }

    /// <summary>For a continuation: where in the parent clip it continues.</summary>
    public TimeSpan? ContinuedAt { get; init; }

    /// <summary>When the clip was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The clip object exactly as the vendor sent it.</summary>
    /// <remarks>Read from the answer's bytes on first access (one parse per answer, shared by its models); the normalized members never need it.</remarks>
    public JsonElement Raw { get => _raw.Value; init => _raw = new(value); }

    /// <summary>Finds <see cref="Raw"/> in the answer when it is first read.</summary>
    internal Wire.RawLocator LocateRaw { init => _raw = new(value); }

    private readonly Wire.LazyRaw _raw;
    private readonly MusicModel? _requested;
    private readonly Wire.LazyValue<MusicModel?>? _requestedModel;
    private Wire.LazyUrl _audioUrl;
    private Wire.LazyUrl _videoUrl;
    private Wire.LazyUrl _imageUrl;
    private Wire.LazyUrl _imageLargeUrl;
}
