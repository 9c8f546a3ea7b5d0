using System.Collections.Concurrent;
using Contracts.Clients;

namespace Contracts.Emulator.State;

/// <summary>
/// Everything the emulator remembers: in memory for the emulator's lifetime, and, with
/// <see cref="VendorEmulatorOptions.StatePath"/>, in a state file too (see <see cref="EmulatorStateFile"/>): every change
/// is saved before the request that made it is answered, and an id not in memory is looked for in the file again (another
/// process may have written it since). Thread-safe.
/// </summary>
internal sealed class EmulatorStore
{
    private readonly ConcurrentDictionary<string, EmulatedTask> _tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmulatedClip> _clips = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmulatedUpload> _uploads = new(StringComparer.Ordinal);
    private readonly EmulatorStateFile? _file;
    private long _rowNumber;

    public EmulatorStore(EmulatorStateFile? file = null)
    {
        _file = file;
        if (_file?.Load() is { } saved)
        {
            Merge(saved);
        }
    }

    public long NextRowNumber() => Interlocked.Increment(ref _rowNumber);

    public void Add(EmulatedTask task, IEnumerable<EmulatedClip> clips)
    {
        foreach (var clip in clips)
        {
            _clips[clip.Id] = clip;
        }
        _tasks[task.Id] = task;
        Save();
    }

    public void Add(EmulatedClip clip)
    {
        _clips[clip.Id] = clip;
        Save();
    }

    public void Add(EmulatedUpload upload)
    {
        _uploads[upload.Id] = upload;
        Save();
    }

    /// <summary>An upload changed (it was finished, or became a clip): saves it.</summary>
    public void Changed(EmulatedUpload upload)
    {
        _uploads[upload.Id] = upload;
        Save();
    }

    /// <summary>A task of <paramref name="dialect"/>: each relay only knows its own tasks.</summary>
    public EmulatedTask? FindTask(string id, DialectDescriptor dialect, TaskKind? kind = null)
        => FindTask(id) is { } task && task.Dialect == dialect && (kind is null || task.Kind == kind) ? task : null;

    /// <summary>A task of any dialect.</summary>
    public EmulatedTask? FindTask(string id) => Find(_tasks, id);

    /// <summary>A clip of any dialect: behind every relay is the same Suno, so a clip can be continued anywhere.</summary>
    public EmulatedClip? FindClip(string id) => Find(_clips, id);

    public EmulatedUpload? FindUpload(string id) => Find(_uploads, id);

    public IReadOnlyList<EmulatedClip> ClipsOf(EmulatedTask task)
        => task.ClipIds.Select(FindClip).OfType<EmulatedClip>().ToArray();

    /// <summary>Everything, for the state file.</summary>
    internal EmulatorState Snapshot() => new()
    {
        RowNumber = Interlocked.Read(ref _rowNumber),
        Tasks = _tasks.Values.OrderBy(t => t.CreatedAt).ToList(),
        Clips = _clips.Values.OrderBy(c => c.CreatedAt).ToList(),
        Uploads = _uploads.Values.OrderBy(u => u.CreatedAt).ToList(),
    };

    /// <summary>Adds what <paramref name="state"/> has and memory has not (memory wins: it is this process's newer view).</summary>
    internal void Merge(EmulatorState state)
    {
        foreach (var task in state.Tasks)
        {
            _tasks.TryAdd(task.Id, task);
        }
        foreach (var clip in state.Clips)
        {
            _clips.TryAdd(clip.Id, clip);
        }
        foreach (var upload in state.Uploads)
        {
            _uploads.TryAdd(upload.Id, upload);
        }
        long current;
        while ((current = Interlocked.Read(ref _rowNumber)) < state.RowNumber
            && Interlocked.CompareExchange(ref _rowNumber, state.RowNumber, current) != current)
        {
        }
    }

    private void Save() => _file?.Save(this);

    private T? Find<T>(ConcurrentDictionary<string, T> items, string id)
        where T : class
    {
        if (items.TryGetValue(id, out var item))
        {
            return item;
        }
        // Another process using the same state file may have made it since this one started.
        if (_file?.LoadIfChanged() is { } newer)
        {
            Merge(newer);
            return items.GetValueOrDefault(id);
        }
        return null;
    }
}
