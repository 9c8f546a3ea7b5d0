using System.Collections.Concurrent;
using Contracts.Clients;

namespace Contracts.Emulator.State;

/// <summary>Everything the emulator remembers, in memory, for the emulator's lifetime. Thread-safe.</summary>
internal sealed class EmulatorStore
{
    private readonly ConcurrentDictionary<string, EmulatedTask> _tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmulatedClip> _clips = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmulatedUpload> _uploads = new(StringComparer.Ordinal);
    private long _rowNumber;

    public long NextRowNumber() => Interlocked.Increment(ref _rowNumber);

    public void Add(EmulatedTask task, IEnumerable<EmulatedClip> clips)
    {
        foreach (var clip in clips)
        {
            _clips[clip.Id] = clip;
        }
        _tasks[task.Id] = task;
    }

    public void Add(EmulatedClip clip) => _clips[clip.Id] = clip;

    public void Add(EmulatedUpload upload) => _uploads[upload.Id] = upload;

    /// <summary>A task of <paramref name="dialect"/>: each relay only knows its own tasks.</summary>
    public EmulatedTask? FindTask(string id, DialectDescriptor dialect, TaskKind? kind = null)
        => _tasks.TryGetValue(id, out var task) && task.Dialect == dialect && (kind is null || task.Kind == kind) ? task : null;

    /// <summary>A clip of any dialect: behind every relay is the same Suno, so a clip can be continued anywhere.</summary>
    public EmulatedClip? FindClip(string id) => _clips.TryGetValue(id, out var clip) ? clip : null;

    public EmulatedUpload? FindUpload(string id) => _uploads.TryGetValue(id, out var upload) ? upload : null;

    public IReadOnlyList<EmulatedClip> ClipsOf(EmulatedTask task)
        => task.ClipIds.Select(FindClip).OfType<EmulatedClip>().ToArray();
}
