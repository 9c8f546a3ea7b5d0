using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Contracts.Music.Tests.Observability;

/// <summary>One measurement: instrument, value, tags.</summary>
internal sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string key) => Tags.TryGetValue(key, out var value) ? value?.ToString() : null;
}

/// <summary>
/// A real <see cref="ActivityListener"/> (the facade's source and HttpClient's) and a real <see cref="MeterListener"/>
/// (the facade's meter). Other tests run at the same time and share both, so each test uses its own vendor name and
/// reads only what carries it (and the HTTP spans under its own spans).
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public TelemetryRecorder()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MusicDiagnostics.SourceName or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MusicDiagnostics.MeterName)
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
            copy[tag.Key] = tag.Value;
        _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
    }

    /// <summary>The facade's spans of <paramref name="vendor"/>.</summary>
    public IReadOnlyList<Activity> Spans(string vendor) =>
        [.. _stopped.Where(a => a.Source.Name == MusicDiagnostics.SourceName && (string?)a.GetTagItem("music.vendor") == vendor)];

    /// <summary>The HTTP client spans whose parent is <paramref name="parent"/>.</summary>
    public IReadOnlyList<Activity> HttpSpansUnder(Activity parent) =>
        [.. _stopped.Where(a => a.Source.Name == "System.Net.Http" && a.TraceId == parent.TraceId && a.ParentSpanId == parent.SpanId)];

    /// <summary>The measurements of <paramref name="instrument"/> tagged with <paramref name="vendor"/>.</summary>
    public IReadOnlyList<Measurement> Measurements(string instrument, string vendor) =>
        [.. _measurements.Where(m => m.Instrument == instrument && m.Tag("music.vendor") == vendor)];

    /// <summary>Everything recorded for <paramref name="vendor"/> as text: its spans' names, tags and status, HTTP spans under them, and its measurements' tags.</summary>
    public string EverythingAbout(string vendor)
    {
        var spans = Spans(vendor);
        var text = spans.Concat(spans.SelectMany(HttpSpansUnder))
            .Select(a => $"{a.DisplayName} {a.StatusDescription} {string.Join(' ', a.TagObjects.Select(t => $"{t.Key}={t.Value}"))} {string.Join(' ', a.Events.Select(e => e.Name))}");
        var tags = _measurements.Where(m => m.Tag("music.vendor") == vendor).Select(m => $"{m.Instrument} {string.Join(' ', m.Tags.Select(t => $"{t.Key}={t.Value}"))}");
        return string.Join('\n', text.Concat(tags));
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }
}
