using Fos1.Ddns.Records;

namespace Fos1.Dns.Transfer;

/// <summary>
/// One record of a zone transfer. Every type is kept: <see cref="RawData"/> is the RDATA with compressed names
/// expanded (for NS, CNAME, PTR, DNAME, SOA, MX, SRV), so it stands on its own; <see cref="Data"/> is the typed
/// form for the types reconciliation compares (A, AAAA, PTR, DHCID) and null for the rest.
/// </summary>
public sealed record TransferredRecord(DnsName Name, ushort Type, ushort Class, uint Ttl, ReadOnlyMemory<byte> RawData, RecordData? Data)
{
    public override string ToString() =>
        $"{Name} {Ttl} {(Class == 1 ? "IN" : "CLASS" + Class)} {(Data is null ? "TYPE" + Type + " \\# " + RawData.Length + " " + Convert.ToHexString(RawData.Span) : Data.Type.ToString().ToUpperInvariant() + " " + Data)}";
}
