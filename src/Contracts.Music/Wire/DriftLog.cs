namespace Contracts.Music.Wire;

/// <summary>
/// Collects the drift met while reading one answer. The tolerant converters run inside the generated client's
/// deserializer, which takes no context of ours, so they find the log through the call in progress
/// (<see cref="Http.MusicCall.Current"/>). Nothing is allocated unless drift is met.
/// </summary>
internal sealed class DriftLog
{
    private const int MaxFound = 40;
    private const int MaxItems = 100;
    private readonly Errors.SecretMask? _secret;
    private List<MusicDrift>? _items;

    /// <summary>A log; drift found while reading an answer to a call with a key has that key masked out of what it shows.</summary>
    public DriftLog(Errors.SecretMask? secret = null) => _secret = secret;

    /// <summary>What was collected so far (empty when nothing drifted).</summary>
    public IReadOnlyList<MusicDrift> Items => _items is null ? [] : _items.ToArray();

    /// <summary>Records drift in the log of the read in progress (an HTTP call's or a saved payload's); outside one it is dropped.</summary>
    public static void Report(string member, MusicDriftKind kind, string found, string expected) =>
        Http.MusicCall.Current?.Drift.Add(new MusicDrift(member, kind, found, expected));

    public void Add(MusicDrift drift)
    {
        // Masked before it is cut, so no part of a key echoed in a vendor value survives the cut.
        drift = drift with { Found = Shorten(_secret?.Mask(drift.Found) ?? drift.Found) };
        lock (this)
        {
            _items ??= [];
            // A hostile answer could repeat one mistake a million times; the first ones say all there is to say.
            if (_items.Count < MaxItems && !_items.Contains(drift))
                _items.Add(drift);
        }
    }

    private static string Shorten(string text) => text.Length <= MaxFound ? text : text[..MaxFound] + "…";
}
