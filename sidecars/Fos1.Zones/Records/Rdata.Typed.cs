using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Fos1.Ddns;

namespace Fos1.Zones.Records;

/// <summary>Typed construction and reading of the RDATA the dns sidecar cares about.</summary>
public sealed partial class Rdata
{
    public static Rdata A(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"{address} is not an IPv4 address", nameof(address));
        }

        return Create(DnsType.A, address.GetAddressBytes());
    }

    public static Rdata Aaaa(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException($"{address} is not an IPv6 address", nameof(address));
        }

        return Create(DnsType.Aaaa, address.GetAddressBytes());
    }

    /// <summary>A for IPv4, AAAA for IPv6.</summary>
    public static Rdata Address(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? Aaaa(address) : A(address);
    }

    public static Rdata Ptr(DnsName target) => NameOnly(DnsType.Ptr, target);

    public static Rdata Ns(DnsName server) => NameOnly(DnsType.Ns, server);

    public static Rdata Cname(DnsName target) => NameOnly(DnsType.Cname, target);

    public static Rdata Dname(DnsName target) => NameOnly(DnsType.Dname, target);

    public static Rdata Dhcid(Dhcid dhcid)
    {
        ArgumentNullException.ThrowIfNull(dhcid);
        return Create(DnsType.Dhcid, dhcid.Bytes);
    }

    /// <summary>TXT from text; each string is UTF-8 and at most 255 octets.</summary>
    public static Rdata Txt(params string[] strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        return Txt(strings.Select(Encoding.UTF8.GetBytes).ToArray());
    }

    /// <summary>TXT from raw character-strings (binary allowed, RFC 1035 section 3.3.14).</summary>
    public static Rdata Txt(IReadOnlyList<byte[]> strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        var wire = new List<byte>();
        foreach (var s in strings)
        {
            if (s.Length > 255)
            {
                throw new ArgumentException($"a TXT character-string is {s.Length} octets long, more than 255", nameof(strings));
            }

            wire.Add((byte)s.Length);
            wire.AddRange(s);
        }

        return Create(DnsType.Txt, [.. wire]);
    }

    public static Rdata Mx(ushort preference, DnsName exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var wire = new List<byte>();
        AddU16(wire, preference);
        WireNames.Write(wire, exchange);
        return Create(DnsType.Mx, [.. wire]);
    }

    public static Rdata Srv(ushort priority, ushort weight, ushort port, DnsName target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var wire = new List<byte>();
        AddU16(wire, priority);
        AddU16(wire, weight);
        AddU16(wire, port);
        WireNames.Write(wire, target);
        return Create(DnsType.Srv, [.. wire]);
    }

    public static Rdata Soa(SoaData soa)
    {
        ArgumentNullException.ThrowIfNull(soa);
        var wire = new List<byte>();
        WireNames.Write(wire, soa.PrimaryServer);
        WireNames.Write(wire, soa.ResponsibleMailbox);
        foreach (var value in (uint[])[soa.Serial, soa.Refresh, soa.Retry, soa.Expire, soa.Minimum])
        {
            AddU32(wire, value);
        }

        return Create(DnsType.Soa, [.. wire]);
    }

    /// <summary>The address of an A or AAAA record.</summary>
    public IPAddress ToAddress() =>
        Type is DnsType.A or DnsType.Aaaa ? new IPAddress(_wire) : throw NotOfType("A or AAAA");

    /// <summary>The single name of an NS, CNAME, PTR or DNAME record.</summary>
    public DnsName ToTargetName()
    {
        if (Type is not (DnsType.Ns or DnsType.Cname or DnsType.Ptr or DnsType.Dname))
        {
            throw NotOfType("NS, CNAME, PTR or DNAME");
        }

        return ReadName(0, out _);
    }

    public Dhcid ToDhcid() => Type == DnsType.Dhcid ? new Dhcid(_wire) : throw NotOfType("DHCID");

    /// <summary>The character-strings of a TXT record, as octets.</summary>
    public IReadOnlyList<byte[]> ToCharacterStrings()
    {
        if (Type != DnsType.Txt)
        {
            throw NotOfType("TXT");
        }

        var strings = new List<byte[]>();
        for (var at = 0; at < _wire.Length; at += 1 + _wire[at])
        {
            strings.Add(_wire.AsSpan(at + 1, _wire[at]).ToArray());
        }

        return strings;
    }

    /// <summary>MX preference and exchange.</summary>
    public (ushort Preference, DnsName Exchange) ToMx() =>
        Type == DnsType.Mx ? (U16(0), ReadName(2, out _)) : throw NotOfType("MX");

    public (ushort Priority, ushort Weight, ushort Port, DnsName Target) ToSrv() =>
        Type == DnsType.Srv ? (U16(0), U16(2), U16(4), ReadName(6, out _)) : throw NotOfType("SRV");

    public SoaData ToSoa()
    {
        if (Type != DnsType.Soa)
        {
            throw NotOfType("SOA");
        }

        var primary = ReadName(0, out var at);
        var mailbox = ReadName(at, out at);
        return new SoaData(primary, mailbox, U32(at), U32(at + 4), U32(at + 8), U32(at + 12), U32(at + 16));
    }

    private static Rdata NameOnly(ushort type, DnsName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var wire = new List<byte>();
        WireNames.Write(wire, name);
        return Create(type, [.. wire]);
    }

    private DnsName ReadName(int from, out int next)
    {
        // The layout was validated on construction, so reading cannot fail here.
        next = from;
        return WireNames.TryRead(_wire, ref next, out var name, out var error)
            ? name
            : throw new InvalidOperationException(error);
    }

    private ushort U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(_wire.AsSpan(at));

    private uint U32(int at) => BinaryPrimitives.ReadUInt32BigEndian(_wire.AsSpan(at));

    private static void AddU16(List<byte> into, ushort value)
    {
        into.Add((byte)(value >> 8));
        into.Add((byte)value);
    }

    private static void AddU32(List<byte> into, uint value)
    {
        AddU16(into, (ushort)(value >> 16));
        AddU16(into, (ushort)value);
    }

    private InvalidOperationException NotOfType(string expected) =>
        new($"RDATA of type {DnsType.Mnemonic(Type)} is not {expected}");
}
