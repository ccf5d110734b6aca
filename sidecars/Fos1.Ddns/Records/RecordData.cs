using System.Net;
using System.Net.Sockets;

namespace Fos1.Ddns.Records;

/// <summary>The typed RDATA of a record we write; the record's type follows from it.</summary>
public abstract record RecordData
{
    public abstract RecordType Type { get; }
}

/// <summary>A (IPv4) or AAAA (IPv6) RDATA.</summary>
public sealed record AddressData(IPAddress Address) : RecordData
{
    public override RecordType Type =>
        Address.AddressFamily == AddressFamily.InterNetworkV6 ? RecordType.Aaaa : RecordType.A;

    public override string ToString() => Address.ToString();
}

/// <summary>PTR RDATA: the name the reverse entry points to.</summary>
public sealed record PtrData(DnsName Target) : RecordData
{
    public override RecordType Type => RecordType.Ptr;

    public override string ToString() => Target.ToString();
}

/// <summary>DHCID RDATA (RFC 4701): identifier type, digest type, digest.</summary>
public sealed record DhcidData(Dhcid Value) : RecordData
{
    public override RecordType Type => RecordType.Dhcid;

    public override string ToString() => Value.ToString();
}
