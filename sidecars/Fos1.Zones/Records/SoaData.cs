using Fos1.Ddns;

namespace Fos1.Zones.Records;

/// <summary>The fields of an SOA record (RFC 1035 section 3.3.13).</summary>
public sealed record SoaData(
    DnsName PrimaryServer,
    DnsName ResponsibleMailbox,
    uint Serial,
    uint Refresh,
    uint Retry,
    uint Expire,
    uint Minimum)
{
    public Rdata ToRdata() => Rdata.Soa(this);
}
