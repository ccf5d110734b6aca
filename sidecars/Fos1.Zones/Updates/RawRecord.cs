using Fos1.Ddns;

namespace Fos1.Zones.Updates;

/// <summary>
/// A prerequisite or update RR exactly as it came off the wire: what CLASS, TTL and RDLENGTH mean
/// depends on the section (RFC 2136 sections 2.4 and 2.5), so nothing is interpreted here. Names in
/// <see cref="Rdata"/> must already be decompressed by the wire layer.
/// </summary>
public sealed record RawRecord(DnsName Name, ushort Type, ushort Class, uint Ttl, ReadOnlyMemory<byte> Rdata)
{
    public override string ToString() =>
        $"{Name} {Ttl} class {Class} type {Records.DnsType.Mnemonic(Type)} rdlength {Rdata.Length}";
}
