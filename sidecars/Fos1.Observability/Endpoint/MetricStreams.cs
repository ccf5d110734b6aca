using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Fos1.Observability.Endpoint;

/// <summary>
/// The view every instrument gets: <see cref="LatencyBuckets"/> for our latency histograms, and a cardinality limit
/// sized for a sidecar. Why the limit: OpenTelemetry allocates each metric stream's points up front for its limit
/// (2,000 by default), about 0.2 MB per instrument on the large object heap, ~3 MiB for the runtime's and our
/// instruments together, although none of them has more than a few dozen attribute combinations. Points past the
/// limit are not lost: they are folded into one <c>otel.metric.overflow="true"</c> series.
/// </summary>
public static class MetricStreams
{
    /// <summary>
    /// Distinct attribute sets per instrument. Our widest instruments are zone x rcode x change (a few zones, ~10
    /// rcodes, 4 changes); the runtime's have one or two small attributes.
    /// </summary>
    public const int CardinalityLimit = 256;

    public static MetricStreamConfiguration ViewFor(Instrument instrument)
    {
        var view = LatencyBuckets.ViewFor(instrument) ?? new MetricStreamConfiguration();
        view.CardinalityLimit = CardinalityLimit;
        return view;
    }
}
