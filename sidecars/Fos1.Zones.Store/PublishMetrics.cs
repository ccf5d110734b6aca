using System.Diagnostics.Metrics;
using Fos1.Ddns;

namespace Fos1.Zones.Store;

/// <summary>Where a durable change is published to CoreDNS and secondaries (the <c>output</c> tag).</summary>
public static class PublishOutput
{
    /// <summary>CoreDNS's <c>grpc</c> plugin serves the new serial (measured by probing CoreDNS).</summary>
    public const string Grpc = "grpc";

    /// <summary>The zone file for CoreDNS's <c>file</c> plugin holds the new serial.</summary>
    public const string File = "file";

    /// <summary>Every configured secondary acknowledged the NOTIFY for the new serial.</summary>
    public const string Notify = "notify";
}

/// <summary>
/// <c>fos1.dns.publish.duration</c>: from a change being durable to an output carrying it, by output and zone.
/// One instrument for all outputs, so the store (files) and the host (gRPC, NOTIFY) share it.
/// </summary>
public sealed class PublishMetrics
{
    public const string MeterName = "Fos1.Dns.Publishing";

    public const string Duration = "fos1.dns.publish.duration";

    private readonly Histogram<double> _duration;

    public PublishMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _duration = meterFactory.Create(MeterName).CreateHistogram<double>(
            Duration, "s", "From a change being durable to an output (grpc, file, notify) carrying it, by output and zone");
    }

    public void Published(string output, DnsName zone, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _duration.Record(Math.Max(0, elapsed.TotalSeconds), new("output", output), new("zone", zone.ToString()));
    }
}
