using System.Text.RegularExpressions;

namespace Contracts.Emulator.Tests.Infrastructure;

/// <summary>
/// Which spec operation a request is, by method and path, written from the specs' own paths (not from the
/// emulator's route table, so a route that strays from its spec is caught).
/// </summary>
internal static partial class SpecOperations
{
    private const string Id = "[^/]+";

    private static readonly (string Method, Regex Path, string Dialect, string OperationId)[] Table =
    [
        ("POST", Path("suno/v1/music"), "goamz-v3.5", "submitMusic"),
        ("GET", Path($"suno/v1/music/{Id}"), "goamz-v3.5", "getMusic"),
        ("POST", Path("suno/v1/v3.0/music"), "goamz-v3.0", "submitMusic"),
        ("POST", Path("suno/v1/v3.0/music/concat"), "goamz-v3.0", "concatMusic"),
        ("GET", Path($"suno/v1/v3.0/music/{Id}"), "goamz-v3.0", "getMusic"),
        ("POST", Path("suno/v1/v3.0/lyrics"), "goamz-v3.0", "submitLyrics"),
        ("GET", Path($"suno/v1/v3.0/lyrics/{Id}"), "goamz-v3.0", "getLyrics"),
        ("POST", Path("suno/submit/music"), "task", "submitMusic"),
        ("POST", Path("suno/submit/lyrics"), "task", "submitLyrics"),
        ("GET", Path($"suno/fetch/{Id}"), "task", "fetchTask"),
        ("POST", Path("suno/fetch"), "task", "fetchTasks"),
        ("POST", Path("suno/v2/generate"), "native-v2", "generateMusic"),
        ("GET", Path("suno/v2/feed"), "native-v2", "getFeed"),
        ("POST", Path("suno/v2/generate/lyrics"), "native-v2", "generateLyrics"),
        ("GET", Path($"suno/v2/generate/lyrics/{Id}"), "native-v2", "getLyrics"),
        ("POST", Path("suno/v2/uploads/audio-url"), "native-v2", "createUpload"),
        ("POST", Path($"suno/v2/uploads/audio/{Id}/upload-finish"), "native-v2", "finishUpload"),
        ("GET", Path($"suno/v2/uploads/audio/{Id}"), "native-v2", "getUpload"),
        ("POST", Path($"suno/v2/uploads/audio/{Id}/initialize-clip"), "native-v2", "initializeUploadClip"),
    ];

    public static IEnumerable<(string Dialect, string OperationId)> All => Table.Select(t => (t.Dialect, t.OperationId));

    public static (string Dialect, string OperationId)? Find(string method, string path)
    {
        foreach (var entry in Table)
        {
            if (entry.Method == method && entry.Path.IsMatch(path.TrimStart('/')))
            {
                return (entry.Dialect, entry.OperationId);
            }
        }
        return null;
    }

    private static Regex Path(string pattern) => new("^" + pattern.Replace(".", "\\.", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
}
