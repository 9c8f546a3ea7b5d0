namespace Contracts.Music.Wire;

/// <summary>
/// Collects the drift met while reading one answer. The tolerant converters and the unknown-member sink run inside
/// System.Text.Json, which takes no context of ours, so they find the log of the read in progress through
/// <see cref="Collect"/>: an ambient scope over the read (the generated client's own deserialization of an answer, the
/// tolerant second pass, a saved payload's read). It is the one ambient value the facade keeps; what the HTTP pipeline
/// needs travels with the request (<see cref="Http.MusicCall"/>). Nothing is allocated unless drift is met. Each new
/// item is also handed to the client's observer (the drift monitor: a counter and one log line per distinct item).
/// </summary>
internal sealed class DriftLog
{
    private const int MaxFound = 40;
    private const int MaxMember = 100;
    private const int MaxItems = 100;

    private static readonly AsyncLocal<DriftLog?> s_current = new();

    private readonly Errors.SecretMask? _secret;
    private readonly Diagnostics.MusicObserver? _observer;
    private readonly string _operation;
    private List<MusicDrift>? _items;

    /// <summary>A log; drift found while reading an answer to a call with a key has that key masked out of what it shows.</summary>
    public DriftLog(Errors.SecretMask? secret = null, Diagnostics.MusicObserver? observer = null, string operation = "inspect")
    {
        _secret = secret;
        _observer = observer;
        _operation = operation;
    }

    /// <summary>What was collected so far (empty when nothing drifted).</summary>
    public IReadOnlyList<MusicDrift> Items => _items is null ? [] : _items.ToArray();

    /// <summary>Makes this the log that <see cref="Report"/> writes to in this flow, until the scope is disposed.</summary>
    public Scope Collect() => new(this);

    /// <summary>Records drift in the log of the read in progress; outside one (a generated client used directly) it is dropped.</summary>
    public static void Report(string member, MusicDriftKind kind, string found, string expected) =>
        s_current.Value?.Add(new MusicDrift(member, kind, found, expected));

    public void Add(MusicDrift drift)
    {
        // Masked before it is cut, so no part of a key echoed in a vendor value survives the cut. The member too: an
        // unknown member's name is the vendor's text, and it becomes a log field and a metric tag.
        drift = drift with
        {
            Member = Shorten(_secret?.Mask(drift.Member) ?? drift.Member, MaxMember),
            Found = Shorten(_secret?.Mask(drift.Found) ?? drift.Found, MaxFound),
        };
        lock (this)
        {
            _items ??= [];
            // A hostile answer could repeat one mistake a million times; the first ones say all there is to say.
            if (_items.Count >= MaxItems || _items.Contains(drift))
                return;
            _items.Add(drift);
        }
        _observer?.Drift(_operation, drift);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    /// <summary>The span of one read; restores the log that was current before (reads can nest).</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly DriftLog? _previous;

        internal Scope(DriftLog log)
        {
            _previous = s_current.Value;
            s_current.Value = log;
        }

        public void Dispose() => s_current.Value = _previous;
    }
}
