using System.Diagnostics.Metrics;

namespace Fos1.Kea.Ncr;

/// <summary>Counters of the NCR listener; exported as fos1_ncr_* by the host's metrics endpoint.</summary>
public sealed class NcrMetrics
{
    public const string MeterName = "Fos1.Kea.Ncr";

    private readonly Counter<long> _received;
    private readonly Counter<long> _rejected;

    public NcrMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>("fos1.ncr.received", "{request}", "NameChangeRequests decoded, by change type");
        _rejected = meter.CreateCounter<long>("fos1.ncr.rejected", "{datagram}", "Datagrams refused as malformed, by reason");
    }

    public void Received(Fos1.Ddns.Leases.NameChangeKind kind) =>
        _received.Add(1, new KeyValuePair<string, object?>("change", kind == Fos1.Ddns.Leases.NameChangeKind.Add ? "add" : "remove"));

    public void Rejected(NcrDecodeErrorKind kind) =>
        _rejected.Add(1, new KeyValuePair<string, object?>("reason", kind.ToString()));
}
