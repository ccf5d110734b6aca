using System.Globalization;

namespace Fos1.Zones.Records;

/// <summary>TYPE codes (IANA) a zone knows by name; any other code is carried as RFC 3597 unknown data.</summary>
public static class DnsType
{
    public const ushort A = 1;
    public const ushort Ns = 2;
    public const ushort Cname = 5;
    public const ushort Soa = 6;
    public const ushort Ptr = 12;
    public const ushort Mx = 15;
    public const ushort Txt = 16;
    public const ushort Aaaa = 28;
    public const ushort Sig = 24;
    public const ushort Key = 25;
    public const ushort Srv = 33;
    public const ushort Opt = 41;
    public const ushort Dname = 39;
    public const ushort Rrsig = 46;
    public const ushort Nsec = 47;
    public const ushort Dhcid = 49;
    public const ushort Tkey = 249;
    public const ushort Tsig = 250;
    public const ushort Ixfr = 251;
    public const ushort Axfr = 252;
    public const ushort MailB = 253;
    public const ushort MailA = 254;
    public const ushort Any = 255;

    private static readonly Dictionary<ushort, string> Mnemonics = new()
    {
        [A] = "A",
        [Ns] = "NS",
        [Cname] = "CNAME",
        [Soa] = "SOA",
        [Ptr] = "PTR",
        [Mx] = "MX",
        [Txt] = "TXT",
        [Aaaa] = "AAAA",
        [Srv] = "SRV",
        [Dname] = "DNAME",
        [Dhcid] = "DHCID",
        [Any] = "ANY",
    };

    private static readonly Dictionary<string, ushort> Codes =
        Mnemonics.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Q-types and meta-types (RFC 6895 section 3.1: OPT and 128..255) never exist as data in a zone.
    /// </summary>
    public static bool IsMeta(ushort type) => type == Opt || type is >= 128 and <= 255;

    /// <summary>
    /// Types that may share a name with a CNAME: the DNSSEC records of the alias itself (RFC 2181
    /// section 10.1, RFC 4035 section 2.5). Everything else is "other data" to RFC 2136 section 3.4.2.2.
    /// </summary>
    public static bool MayAccompanyCname(ushort type) => type is Cname or Rrsig or Nsec or Sig or Key;

    /// <summary>"A", "DHCID", or the RFC 3597 form "TYPE65" for types without a mnemonic here.</summary>
    public static string Mnemonic(ushort type) =>
        Mnemonics.TryGetValue(type, out var name) ? name : "TYPE" + type.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a mnemonic we know or an RFC 3597 "TYPEnnn".</summary>
    public static bool TryParse(string text, out ushort type)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Codes.TryGetValue(text, out type))
        {
            return true;
        }

        return text.StartsWith("TYPE", StringComparison.OrdinalIgnoreCase)
            && ushort.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out type);
    }
}
