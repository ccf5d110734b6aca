using System.Diagnostics.Metrics;

namespace Fos1.Kea.ControlSocket;

/// <summary>Counters of lease paging over Kea's control channel; exported as fos1_kea_control_*.</summary>
public sealed class KeaControlMetrics
{
    public const string MeterName = "Fos1.Kea.ControlSocket";

    private readonly Counter<long> _leases;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _failures;

    public KeaControlMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _leases = meter.CreateCounter<long>("fos1.kea.control.leases", "{lease}", "Leases read from lease*-get-page, by family");
        _rejected = meter.CreateCounter<long>("fos1.kea.control.leases_rejected", "{lease}", "Lease objects skipped as malformed");
        _failures = meter.CreateCounter<long>("fos1.kea.control.failures", "{command}", "Commands without a usable answer, by reason");
    }

    public void LeasesRead(int family, int count) => _leases.Add(count, new KeyValuePair<string, object?>("family", family));

    public void LeaseRejected(int family) => _rejected.Add(1, new KeyValuePair<string, object?>("family", family));

    public void Failed(KeaControlFailure failure) => _failures.Add(1, new KeyValuePair<string, object?>("reason", failure.ToString()));
}
