using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Contracts.Music;

/// <summary>
/// The names the facade's traces and metrics use, for OpenTelemetry setup (<c>AddSource(MusicDiagnostics.SourceName)</c>,
/// <c>AddMeter(MusicDiagnostics.MeterName)</c>) and for dashboards. README "Observability" lists every span, instrument
/// and tag.
/// </summary>
public static class MusicDiagnostics
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>: <c>Contracts.Music</c>.</summary>
    public const string SourceName = "Contracts.Music";

    /// <summary>The name of the <see cref="Meter"/> (the same as <see cref="SourceName"/>).</summary>
    public const string MeterName = SourceName;

    /// <summary>The name of the logger category the facade writes to: <c>Contracts.Music</c>.</summary>
    public const string LoggerCategory = SourceName;

    /// <summary>Counter of vendor calls (one per spec operation called, retries included once), tags <c>music.vendor</c>, <c>music.dialect</c>, <c>music.operation</c>, <c>music.outcome</c>.</summary>
    public const string RequestsInstrument = "music.client.requests";

    /// <summary>Counter of retried attempts of reads, tags <c>music.vendor</c>, <c>music.dialect</c>, <c>music.operation</c>, <c>music.retry.reason</c>.</summary>
    public const string RetriesInstrument = "music.client.retries";

    /// <summary>Counter of tasks seen reaching a final status in a wait, tags <c>music.vendor</c>, <c>music.dialect</c>, <c>music.task.status</c>.</summary>
    public const string TasksInstrument = "music.client.tasks";

    /// <summary>Histogram of facade operation durations in seconds, tags <c>music.vendor</c>, <c>music.dialect</c>, <c>music.operation</c>, <c>error.type</c> on failure.</summary>
    public const string DurationInstrument = "music.client.operation.duration";

    /// <summary>Counter of drift met reading answers, tags <c>music.vendor</c>, <c>music.dialect</c>, <c>music.operation</c>, <c>music.drift.kind</c>, <c>music.drift.path</c>.</summary>
    public const string DriftInstrument = "music.client.drift";

    private static readonly string? s_version = typeof(MusicDiagnostics).Assembly.GetName().Version?.ToString();

    internal static ActivitySource Source { get; } = new(SourceName, s_version);

    internal static Meter Meter { get; } = new(MeterName, s_version);

    internal static Counter<long> Requests { get; } = Meter.CreateCounter<long>(RequestsInstrument, "{request}", "Calls to a vendor operation, by outcome.");

    internal static Counter<long> Retries { get; } = Meter.CreateCounter<long>(RetriesInstrument, "{retry}", "Read attempts retried after a 429, 5xx, network error or timeout.");

    internal static Counter<long> Tasks { get; } = Meter.CreateCounter<long>(TasksInstrument, "{task}", "Tasks seen reaching a final status while waiting.");

    internal static Counter<long> Drift { get; } = Meter.CreateCounter<long>(DriftInstrument, "{item}", "Answer members that did not match the spec: unknown status values, unknown members, values of an unexpected type.");

    internal static Histogram<double> Duration { get; } = Meter.CreateHistogram(DurationInstrument, "s", "Duration of facade operations, waits included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600] });
}
