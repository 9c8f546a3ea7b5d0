using Contracts.Clients;

namespace Contracts.Music;

/// <summary>What a dialect supports. Calling an operation it lacks throws <see cref="NotSupportedException"/> naming the dialect.</summary>
public sealed class MusicCapabilities
{
    /// <summary>Lyrics generation (<see cref="IMusicClient.GenerateLyricsAsync"/>).</summary>
    public bool Lyrics { get; init; }

    /// <summary>Concatenating an extended clip into a full song (<see cref="IMusicClient.ConcatAsync"/>).</summary>
    public bool Concat { get; init; }

    /// <summary>One call reads many tasks (task <c>POST /suno/fetch</c>, native <c>feed?ids=</c>); otherwise one call per id.</summary>
    public bool BatchQuery { get; init; }

    /// <summary>Turning an audio URL into a clip (<see cref="IMusicClient.UploadAsync"/>).</summary>
    public bool Upload { get; init; }

    /// <summary>A callback URL on submit (task <c>notify_hook</c>). The facade polls; this is informational.</summary>
    public bool Callback { get; init; }

    /// <summary>Infill (regenerating a section of a clip, native <c>infill_start_s</c>/<c>infill_end_s</c>). Informational.</summary>
    public bool Infill { get; init; }

    /// <summary>Continuing a clip from a given second (all four dialects).</summary>
    public bool Continuation { get; init; }

    /// <summary>The capabilities of <paramref name="dialect"/>, as its spec defines them (stated once, in the dialect's
    /// <see cref="DialectDescriptor.Capabilities"/>).</summary>
    /// <param name="dialect">The dialect.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dialect"/> is not a defined <see cref="MusicDialect"/>.</exception>
    public static MusicCapabilities For(MusicDialect dialect) => From(dialect.Descriptor().Capabilities);

    /// <summary>The facade's view of a descriptor's capability flags.</summary>
    internal static MusicCapabilities From(DialectCapabilities capabilities) => new()
    {
        Lyrics = capabilities.HasFlag(DialectCapabilities.Lyrics),
        Concat = capabilities.HasFlag(DialectCapabilities.Concat),
        BatchQuery = capabilities.HasFlag(DialectCapabilities.BatchQuery),
        Upload = capabilities.HasFlag(DialectCapabilities.Upload),
        Callback = capabilities.HasFlag(DialectCapabilities.Callback),
        Infill = capabilities.HasFlag(DialectCapabilities.Infill),
        Continuation = capabilities.HasFlag(DialectCapabilities.Continuation),
    };
}
