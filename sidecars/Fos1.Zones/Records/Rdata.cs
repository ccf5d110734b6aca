using System.Diagnostics.CodeAnalysis;
using Fos1.Ddns;
using Fos1.Zones.Text;

namespace Fos1.Zones.Records;

/// <summary>
/// The RDATA of one record in wire form, with any names in it uncompressed. Two RDATAs are the same
/// (RFC 2136 section 1.1: same RR) when their canonical forms are equal: the names embedded in NS,
/// CNAME, PTR, SOA, MX, SRV and DNAME lower-cased, as RFC 4034 section 6.2 prescribes. The spelling
/// first written is kept for display.
/// </summary>
public sealed partial class Rdata : IEquatable<Rdata>, IComparable<Rdata>
{
    private readonly byte[] _wire;
    private readonly byte[] _canonical;

    private Rdata(ushort type, byte[] wire, byte[] canonical)
    {
        Type = type;
        _wire = wire;
        _canonical = canonical;
    }

    public ushort Type { get; }

    /// <summary>The RDATA as written, names uncompressed.</summary>
    public ReadOnlySpan<byte> Wire => _wire;

    /// <summary>RFC 4034 section 6.2 canonical form: what comparison and ordering use.</summary>
    public ReadOnlySpan<byte> Canonical => _canonical;

    public static Rdata Create(ushort type, ReadOnlySpan<byte> wire) =>
        TryCreate(type, wire, out var rdata, out var error) ? rdata : throw new FormatException(error);

    /// <summary>
    /// Checks the layout of the types we know (a malformed record is FORMERR in an UPDATE); any other
    /// type is opaque bytes (RFC 3597).
    /// </summary>
    public static bool TryCreate(ushort type, ReadOnlySpan<byte> wire, [NotNullWhen(true)] out Rdata? rdata, [NotNullWhen(false)] out string? error)
    {
        rdata = null;
        if (wire.Length > ushort.MaxValue)
        {
            error = $"RDATA of {wire.Length} octets does not fit RDLENGTH";
            return false;
        }

        var canonical = new List<byte>(wire.Length);
        error = type switch
        {
            DnsType.A => FixedLength(wire, 4, canonical),
            DnsType.Aaaa => FixedLength(wire, 16, canonical),
            DnsType.Ns or DnsType.Cname or DnsType.Ptr or DnsType.Dname => Layout(wire, 0, 1, 0, canonical),
            DnsType.Mx => Layout(wire, 2, 1, 0, canonical),
            DnsType.Srv => Layout(wire, 6, 1, 0, canonical),
            DnsType.Soa => Layout(wire, 0, 2, 20, canonical),
            DnsType.Txt => CharacterStrings(wire, canonical),
            DnsType.Dhcid => wire.Length >= 3 ? Copy(wire, canonical) : "DHCID RDATA needs an identifier type, a digest type and a digest",
            _ => Copy(wire, canonical),
        };
        if (error is not null)
        {
            error = $"{DnsType.Mnemonic(type)} RDATA: {error}";
            return false;
        }

        rdata = new Rdata(type, wire.ToArray(), [.. canonical]);
        return true;
    }

    /// <summary>RFC 4034 section 6.3: RDATA ordered as left-justified unsigned octet strings.</summary>
    public int CompareTo(Rdata? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byType = Type.CompareTo(other.Type);
        return byType != 0 ? byType : _canonical.AsSpan().SequenceCompareTo(other._canonical);
    }

    public bool Equals(Rdata? other) =>
        other is not null && Type == other.Type && _canonical.AsSpan().SequenceEqual(other._canonical);

    public override bool Equals(object? obj) => Equals(obj as Rdata);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Type);
        hash.AddBytes(_canonical);
        return hash.ToHashCode();
    }

    /// <summary>The master-file presentation of the RDATA (what follows the type in a zone file).</summary>
    public override string ToString() => RdataText.Format(this);

    public static bool operator ==(Rdata? left, Rdata? right) => Equals(left, right);

    public static bool operator !=(Rdata? left, Rdata? right) => !Equals(left, right);

    public static bool operator <(Rdata left, Rdata right) => Compare(left, right) < 0;

    public static bool operator >(Rdata left, Rdata right) => Compare(left, right) > 0;

    public static bool operator <=(Rdata left, Rdata right) => Compare(left, right) <= 0;

    public static bool operator >=(Rdata left, Rdata right) => Compare(left, right) >= 0;

    private static int Compare(Rdata? left, Rdata? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    private static string? FixedLength(ReadOnlySpan<byte> wire, int length, List<byte> canonical) =>
        wire.Length == length ? Copy(wire, canonical) : $"{wire.Length} octets instead of {length}";

    private static string? Copy(ReadOnlySpan<byte> wire, List<byte> canonical)
    {
        canonical.AddRange(wire);
        return null;
    }

    /// <summary>Fixed octets, then names, then fixed octets: covers NS/CNAME/PTR/DNAME, MX, SRV and SOA.</summary>
    private static string? Layout(ReadOnlySpan<byte> wire, int before, int names, int after, List<byte> canonical)
    {
        if (wire.Length < before)
        {
            return $"{wire.Length} octets, too short";
        }

        canonical.AddRange(wire[..before]);
        var at = before;
        for (var i = 0; i < names; i++)
        {
            if (!WireNames.TryRead(wire, ref at, out var name, out var error))
            {
                return error;
            }

            canonical.AddRange(name.ToCanonicalWireFormat());
        }

        if (wire.Length - at != after)
        {
            return $"{wire.Length - at} octets after the names instead of {after}";
        }

        canonical.AddRange(wire[at..]);
        return null;
    }

    private static string? CharacterStrings(ReadOnlySpan<byte> wire, List<byte> canonical)
    {
        if (wire.Length == 0)
        {
            return "no character-string";
        }

        var at = 0;
        while (at < wire.Length)
        {
            at += 1 + wire[at];
            if (at > wire.Length)
            {
                return "a character-string runs past the end";
            }
        }

        return Copy(wire, canonical);
    }
}
