using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Fos1.Ddns;
using Fos1.Zones.Records;

namespace Fos1.Zones.Text;

/// <summary>RDATA in master-file presentation form, both ways.</summary>
internal static class RdataText
{
    public static string Format(Rdata data) => data.Type switch
    {
        DnsType.A or DnsType.Aaaa => data.ToAddress().ToString(),
        DnsType.Ns or DnsType.Cname or DnsType.Ptr or DnsType.Dname => MasterNames.Absolute(data.ToTargetName()),
        DnsType.Mx => FormatMx(data.ToMx()),
        DnsType.Srv => FormatSrv(data.ToSrv()),
        DnsType.Soa => FormatSoa(data.ToSoa()),
        DnsType.Txt => string.Join(' ', data.ToCharacterStrings().Select(Quote)),
        DnsType.Dhcid => Convert.ToBase64String(data.Wire),
        _ => Generic(data.Wire),
    };

    /// <summary>Reads the RDATA tokens of a record of <paramref name="type"/>.</summary>
    public static Rdata Parse(ushort type, IReadOnlyList<Token> tokens, DnsName origin)
    {
        if (tokens.Count > 0 && tokens[0] is { Quoted: false, Text: "\\#" })
        {
            return ParseGeneric(type, tokens);
        }

        var reader = new TokenReader(tokens, origin);
        var data = type switch
        {
            DnsType.A => Rdata.A(reader.Address(AddressFamily.InterNetwork)),
            DnsType.Aaaa => Rdata.Aaaa(reader.Address(AddressFamily.InterNetworkV6)),
            DnsType.Ns => Rdata.Ns(reader.Name()),
            DnsType.Cname => Rdata.Cname(reader.Name()),
            DnsType.Ptr => Rdata.Ptr(reader.Name()),
            DnsType.Dname => Rdata.Dname(reader.Name()),
            DnsType.Mx => Rdata.Mx(reader.U16(), reader.Name()),
            DnsType.Srv => Rdata.Srv(reader.U16(), reader.U16(), reader.U16(), reader.Name()),
            DnsType.Soa => Rdata.Soa(new SoaData(reader.Name(), reader.Name(), reader.U32(), reader.Ttl(), reader.Ttl(), reader.Ttl(), reader.Ttl())),
            DnsType.Txt => Rdata.Txt(reader.RemainingStrings()),
            DnsType.Dhcid => Rdata.Create(DnsType.Dhcid, reader.RemainingBase64()),
            _ => throw new FormatException($"type {DnsType.Mnemonic(type)} can only be written in the RFC 3597 form '\\# length hex'"),
        };
        reader.ExpectEnd();
        return data;
    }

    private static string FormatMx((ushort Preference, DnsName Exchange) mx) =>
        $"{mx.Preference.ToString(CultureInfo.InvariantCulture)} {MasterNames.Absolute(mx.Exchange)}";

    private static string FormatSrv((ushort Priority, ushort Weight, ushort Port, DnsName Target) srv) =>
        string.Join(' ', srv.Priority.ToString(CultureInfo.InvariantCulture), srv.Weight.ToString(CultureInfo.InvariantCulture),
            srv.Port.ToString(CultureInfo.InvariantCulture), MasterNames.Absolute(srv.Target));

    private static string FormatSoa(SoaData soa) =>
        string.Join(' ', [MasterNames.Absolute(soa.PrimaryServer), MasterNames.Absolute(soa.ResponsibleMailbox),
            .. new[] { soa.Serial, soa.Refresh, soa.Retry, soa.Expire, soa.Minimum }.Select(v => v.ToString(CultureInfo.InvariantCulture))]);

    /// <summary>A character-string in quotes: '"' and '\' escaped, anything outside printable ASCII as \DDD.</summary>
    private static string Quote(byte[] octets)
    {
        var text = new StringBuilder("\"");
        foreach (var b in octets)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                text.Append('\\').Append((char)b);
            }
            else if (b is < 0x20 or > 0x7E)
            {
                text.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append((char)b);
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>RFC 3597 section 5: <c>\# length hex</c>.</summary>
    private static string Generic(ReadOnlySpan<byte> wire) =>
        wire.IsEmpty ? "\\# 0" : $"\\# {wire.Length.ToString(CultureInfo.InvariantCulture)} {Convert.ToHexString(wire)}";

    private static Rdata ParseGeneric(ushort type, IReadOnlyList<Token> tokens)
    {
        if (tokens.Count < 2 || !int.TryParse(tokens[1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new FormatException("'\\#' must be followed by the RDATA length");
        }

        var hex = string.Concat(tokens.Skip(2).Select(t => t.Text));
        var wire = Convert.FromHexString(hex);
        return wire.Length == length
            ? Rdata.Create(type, wire)
            : throw new FormatException($"'\\#' says {length} octets but the hex holds {wire.Length}");
    }
}
