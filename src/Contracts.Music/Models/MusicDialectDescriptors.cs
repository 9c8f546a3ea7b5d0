using Contracts.Clients;
using Contracts.Music.Dialects;
using Contracts.Music.Wire;

namespace Contracts.Music;

/// <summary>
/// Connects <see cref="MusicDialect"/>, the facade's name for a dialect, with the dialect's
/// <see cref="DialectDescriptor"/> in <see cref="DialectCatalog"/>, where everything else about it is stated: its name
/// as text (<c>goamz-v3.5</c>), spec file, generated client, default path prefix, capabilities and status words.
/// </summary>
public static class MusicDialectDescriptors
{
    // The facade's one place per dialect: its enum value, its descriptor, and how its adapter is made over its
    // generated client (always with the tolerant reading, TolerantJson).
    private static readonly (MusicDialect Dialect, DialectDescriptor Descriptor, AdapterFactory Create)[] s_pairs =
    [
        (MusicDialect.GoAmzV35, DialectCatalog.GoAmzV35, (http, target, key, _, observer) => new GoAmzV35Adapter(prepare => new(http, TolerantJson.Options, prepare), target, key, observer)),
        (MusicDialect.GoAmzV30, DialectCatalog.GoAmzV30, (http, target, key, _, observer) => new GoAmzV30Adapter(prepare => new(http, TolerantJson.Options, prepare), target, key, observer)),
        (MusicDialect.Task, DialectCatalog.Task, (http, target, key, options, observer) => new TaskApiAdapter(prepare => new(http, TolerantJson.Options, prepare), target, key, options.BatchSize, observer)),
        (MusicDialect.NativeV2, DialectCatalog.NativeV2, (http, target, key, _, observer) => new NativeV2Adapter(prepare => new(http, TolerantJson.Options, prepare), target, key, observer)),
    ];

    private delegate DialectAdapter AdapterFactory(HttpClient http, MusicTarget target, string apiKey, MusicClientOptions options, Diagnostics.MusicObserver? observer);

    /// <summary>The adapter of <paramref name="target"/>'s dialect over <paramref name="http"/>; <paramref name="observer"/> null records nothing (saved payloads).</summary>
    internal static DialectAdapter CreateAdapter(HttpClient http, MusicTarget target, string apiKey, MusicClientOptions options, Diagnostics.MusicObserver? observer)
    {
        foreach (var (dialect, _, create) in s_pairs)
        {
            if (dialect == target.Dialect)
                return create(http, target, apiKey, options, observer);
        }
        throw new ArgumentOutOfRangeException(nameof(target), target.Dialect, "Unknown dialect.");
    }

    /// <summary>The descriptor of <paramref name="dialect"/>: its name, spec, client, path prefix, capabilities and status words.</summary>
    /// <param name="dialect">The dialect.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dialect"/> is not a defined <see cref="MusicDialect"/>.</exception>
    public static DialectDescriptor Descriptor(this MusicDialect dialect)
    {
        foreach (var (candidate, descriptor, _) in s_pairs)
        {
            if (candidate == dialect)
                return descriptor;
        }
        throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Unknown dialect.");
    }

    /// <summary>The <see cref="MusicDialect"/> of <paramref name="descriptor"/>.</summary>
    /// <param name="descriptor">A descriptor from <see cref="DialectCatalog"/>.</param>
    /// <exception cref="ArgumentException">The facade has no adapter for that dialect.</exception>
    public static MusicDialect ToMusicDialect(this DialectDescriptor descriptor) => TryGetMusicDialect(descriptor, out var dialect)
        ? dialect
        : throw new ArgumentException($"The facade does not speak the {descriptor.Name} dialect.", nameof(descriptor));

    /// <summary>The <see cref="MusicDialect"/> of <paramref name="descriptor"/>, when the facade speaks it.</summary>
    /// <param name="descriptor">A descriptor from <see cref="DialectCatalog"/>.</param>
    /// <param name="dialect">The facade's dialect, when found.</param>
    public static bool TryGetMusicDialect(DialectDescriptor descriptor, out MusicDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        foreach (var (candidate, known, _) in s_pairs)
        {
            if (ReferenceEquals(known, descriptor))
            {
                dialect = candidate;
                return true;
            }
        }
        dialect = default;
        return false;
    }
}
