using Fos1.Ddns;
using Fos1.Zones.Text;

namespace Fos1.Zones.Records;

/// <summary>
/// One record of class IN: owner, TTL and RDATA (which carries the type). Equality is DNS equality:
/// owner case-insensitive, RDATA canonical, TTL included (two records differing only in TTL are the
/// same RR to RFC 2136, but not the same line of a zone or of a journal).
/// </summary>
public sealed record ResourceRecord(DnsName Owner, uint Ttl, Rdata Data)
{
    public ushort Type => Data.Type;

    /// <summary>The master-file line, fully qualified.</summary>
    public override string ToString() => ZoneFileWriter.Line(this, DnsName.Root);
}
