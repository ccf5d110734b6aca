using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Fos1.Observability.Endpoint;

/// <summary>
/// Bucket bounds for our latency histograms: 1 ms to 5 s is where a lease change, an UPDATE or a publish lands
/// (OpenTelemetry's defaults stop being useful below 5 ms). Instruments in seconds get the same bounds in seconds.
/// </summary>
public static class LatencyBuckets
{
    public static IReadOnlyList<double> Milliseconds { get; } = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

    public static IReadOnlyList<double> Seconds { get; } = [.. Milliseconds.Select(ms => ms / 1000)];

    /// <summary>
    /// The view for one instrument: explicit latency buckets for Fos1 histograms in ms or s, else the default. An
    /// instrument that advises its own bounds (<c>InstrumentAdvice.HistogramBucketBoundaries</c>) keeps them: its author knew better.
    /// </summary>
    public static MetricStreamConfiguration? ViewFor(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (!instrument.Meter.Name.StartsWith("Fos1.", StringComparison.Ordinal) || !IsHistogram(instrument) || AdvisesBuckets(instrument))
        {
            return null;
        }

        return instrument.Unit switch
        {
            "ms" => new ExplicitBucketHistogramConfiguration { Boundaries = [.. Milliseconds] },
            "s" => new ExplicitBucketHistogramConfiguration { Boundaries = [.. Seconds] },
            _ => null,
        };
    }

    private static bool AdvisesBuckets(Instrument instrument) => instrument switch
    {
        Histogram<double> { Advice.HistogramBucketBoundaries: not null } => true,
        Histogram<float> { Advice.HistogramBucketBoundaries: not null } => true,
        Histogram<long> { Advice.HistogramBucketBoundaries: not null } => true,
        Histogram<int> { Advice.HistogramBucketBoundaries: not null } => true,
        _ => false,
    };

    private static bool IsHistogram(Instrument instrument) =>
        instrument.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Histogram<>);
}
