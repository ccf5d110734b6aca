using System.Diagnostics.Metrics;
using Fos1.Ddns.Updates;

namespace Fos1.Dns.Server.Serving;

/// <summary>UPDATE answers by TSIG key, zone and RCODE.</summary>
public sealed class UpdateServerMetrics : IDisposable
{
    public const string MeterName = "Fos1.Dns.Server";
    private readonly Meter _meter;
    private readonly Counter<long> _updates;

    public UpdateServerMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _updates = _meter.CreateCounter<long>("fos1.dns.server.updates", "{update}", "UPDATEs answered, by TSIG key (\"-\" unsigned), zone and RCODE");
    }

    public void Answered(DnsName? key, DnsName? zone, ResponseCode code) =>
        _updates.Add(1, new("key", key?.Text ?? "-"), new("zone", zone?.Text ?? "-"), new("rcode", code.ToString()));

    public void Dispose() => _meter.Dispose();
}
