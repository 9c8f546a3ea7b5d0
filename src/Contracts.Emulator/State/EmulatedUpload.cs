namespace Contracts.Emulator.State;

/// <summary>
/// A native v2 upload (a music URL being turned into a Suno clip). Processing starts when the upload is finished,
/// so <see cref="FinishedAt"/> is the one mutable part of the emulator's state (saved with
/// <see cref="EmulatorStore.Changed"/>).
/// </summary>
internal sealed class EmulatedUpload
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? FailReason { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? ClipId { get; set; }

    /// <summary>The last segment of the URL without extension, as Suno titles uploads.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Title
    {
        get
        {
            var path = Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : Url;
            var name = Path.GetFileNameWithoutExtension(path.TrimEnd('/'));
            return string.IsNullOrWhiteSpace(name) ? "upload" : name;
        }
    }
}
