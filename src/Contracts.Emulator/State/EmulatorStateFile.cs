using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Contracts.Clients;

namespace Contracts.Emulator.State;

/// <summary>What the state file holds: every task, clip and upload, and the task dialect's last row number.</summary>
internal sealed class EmulatorState
{
    /// <summary>The layout of the file; a file with another one is refused, never guessed at.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public long RowNumber { get; init; }

    public List<EmulatedTask> Tasks { get; init; } = [];

    public List<EmulatedClip> Clips { get; init; } = [];

    public List<EmulatedUpload> Uploads { get; init; } = [];
}

/// <summary>
/// The emulator's memory as a JSON file (<see cref="VendorEmulatorOptions.StatePath"/>), so tasks and clips outlive the
/// process: read at start, written after every change. Writes go to a temporary file beside it that then replaces it,
/// so a reader never sees half a file; before each write the file is read again and what another process added to it
/// is kept. Times are wall-clock times (UTC), so a task made by an earlier process has moved on meanwhile.
/// </summary>
internal sealed class EmulatorStateFile
{
    // Every emulator of this process writing the same file takes the same lock.
    private static readonly ConcurrentDictionary<string, Lock> s_locks = new(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectRequiredConstructorParameters = true,
        // TaskKind is the state's one enum; its converter and the state's metadata (EmulatorStateJson) are generated
        // at build time, not reflected: the emulator runs in a trimmed, native AOT build of the CLI.
        Converters = { new JsonStringEnumConverter<TaskKind>(JsonNamingPolicy.CamelCase), new DialectConverter() },
        TypeInfoResolver = EmulatorStateJson.Default,
    };

    private static JsonTypeInfo<EmulatorState> StateTypeInfo => (JsonTypeInfo<EmulatorState>)s_json.GetTypeInfo(typeof(EmulatorState));

    private readonly Lock _lock;
    private (DateTime Written, long Length) _seen;

    public EmulatorStateFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _lock = s_locks.GetOrAdd(Path, _ => new Lock());
    }

    public string Path { get; }

    /// <summary>The saved state; null when there is no file yet.</summary>
    /// <exception cref="EmulatorStateException">The file cannot be read, is not a state file, or has another version.</exception>
    public EmulatorState? Load()
    {
        lock (_lock)
        {
            return Read(strict: true);
        }
    }

    /// <summary>The saved state when the file changed since this emulator last read or wrote it; otherwise (or when it
    /// cannot be read now) null.</summary>
    public EmulatorState? LoadIfChanged()
    {
        lock (_lock)
        {
            return Stamp() == _seen ? null : Read(strict: false);
        }
    }

    /// <summary>Writes <paramref name="store"/>, with what another process added to the file since.</summary>
    /// <exception cref="EmulatorStateException">The file cannot be written.</exception>
    public void Save(EmulatorStore store)
    {
        lock (_lock)
        {
            if (Stamp() != _seen && Read(strict: false) is { } newer)
            {
                store.Merge(newer);
            }
            var bytes = JsonSerializer.SerializeToUtf8Bytes(store.Snapshot(), StateTypeInfo);
            var folder = System.IO.Path.GetDirectoryName(Path)!;
            var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(temporary, bytes);
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        File.Move(temporary, Path, overwrite: true);
                        break;
                    }
                    catch (IOException) when (attempt < 5)
                    {
                        // Windows refuses to replace a file another process is reading: wait for it.
                        Thread.Sleep(20 * attempt);
                    }
                }
                _seen = Stamp();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                throw new EmulatorStateException(Path, $"The emulator cannot write its state file {Path}: {e.Message}", e);
            }
        }
    }

    private (DateTime, long) Stamp()
    {
        var info = new FileInfo(Path);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : (default, -1);
    }

    private EmulatorState? Read(bool strict)
    {
        var stamp = Stamp();
        if (stamp.Item2 < 0)
        {
            _seen = stamp;
            return null;
        }
        try
        {
            var bytes = File.ReadAllBytes(Path);
            var state = Parse(bytes);
            _seen = stamp;
            return state;
        }
        catch (EmulatorStateException) when (!strict)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!strict)
            {
                return null;
            }
            throw new EmulatorStateException(Path, $"The emulator cannot read its state file {Path}: {e.Message}", e);
        }
    }

    private EmulatorState Parse(byte[] bytes)
    {
        try
        {
            using (var document = JsonDocument.Parse(bytes))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("version", out var version)
                    || version.ValueKind != JsonValueKind.Number)
                {
                    throw Invalid("is not an emulator state file (no \"version\")", null);
                }
                if (!version.TryGetInt32(out var number) || number != EmulatorState.CurrentVersion)
                {
                    throw Invalid($"has version {version.GetRawText()}; this emulator reads version {EmulatorState.CurrentVersion}", null);
                }
            }
            return JsonSerializer.Deserialize(bytes, StateTypeInfo) ?? throw Invalid("is empty", null);
        }
        catch (JsonException e)
        {
            throw Invalid($"is not a valid emulator state file ({e.Message})", e);
        }
    }

    private EmulatorStateException Invalid(string problem, Exception? inner) =>
        new(Path, $"The emulator state file {Path} {problem}. Delete it (or pass another state file) to start with an empty emulator.", inner);

    /// <summary>A dialect by its name (<c>task</c>, <c>goamz-v3.0</c>, ...).</summary>
    private sealed class DialectConverter : JsonConverter<DialectDescriptor>
    {
        public override DialectDescriptor Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var name = reader.GetString();
            return DialectCatalog.Find(name) ?? throw new JsonException($"unknown dialect '{name}'");
        }

        public override void Write(Utf8JsonWriter writer, DialectDescriptor value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
    }
}

/// <summary>Source-generated metadata of the state file's shape (metadata mode: the same contract as reflection gives).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(EmulatorState))]
internal sealed partial class EmulatorStateJson : JsonSerializerContext;
