using Contracts.Music;

namespace Contracts.Cli.Output;

/// <summary>Saves each clip's audio under the output folder as <c>&lt;clip id&gt;.&lt;ext&gt;</c>.</summary>
internal static class AudioDownloader
{
    public static async Task<IReadOnlyDictionary<string, string>> DownloadAsync(IReadOnlyList<MusicClip> clips, DirectoryInfo folder, CancellationToken cancellationToken)
    {
        folder.Create();
        var saved = new Dictionary<string, string>(StringComparer.Ordinal);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        foreach (var clip in clips)
        {
            if (clip.AudioUrl is null)
                continue;
            using var response = await http.GetAsync(clip.AudioUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new IOException($"Downloading the audio of clip {clip.Id} from {clip.AudioUrl} failed: HTTP {(int)response.StatusCode}.");
            var path = Path.Combine(folder.FullName, SafeName(clip.Id) + Extension(clip.AudioUrl, response.Content.Headers.ContentType?.MediaType));
            await using (var file = File.Create(path))
                await response.Content.CopyToAsync(file, cancellationToken);
            saved[clip.Id] = Path.GetRelativePath(Environment.CurrentDirectory, path);
        }
        return saved;
    }

    private static string Extension(Uri url, string? mediaType)
    {
        var fromPath = Path.GetExtension(url.AbsolutePath);
        if (fromPath.Length is > 1 and <= 5)
            return fromPath;
        return mediaType switch
        {
            "audio/wav" or "audio/x-wav" or "audio/wave" => ".wav",
            "audio/mpeg" => ".mp3",
            _ => ".audio",
        };
    }

    // Clip ids are opaque; keep them usable as file names on every system.
    private static string SafeName(string id) => string.Concat(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
