using Fos1.Ddns;
using Fos1.Zones.Records;

namespace Fos1.Zones.Text;

/// <summary>One record from its parts, RDATA in presentation format (what a DNSZone CR's <c>records[]</c> holds).</summary>
public static class RecordText
{
    /// <param name="value">The RDATA as a zone file writes it (<c>10 mail.home.arpa.</c>, <c>"v=spf1 -all"</c>); relative names are below <paramref name="origin"/>.</param>
    /// <exception cref="FormatException">The type is unknown or the RDATA does not parse; the message says why.</exception>
    public static ResourceRecord Parse(DnsName owner, uint ttl, string type, string value, DnsName origin)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(origin);
        if (!DnsType.TryParse(type, out var code) || DnsType.IsMeta(code) || code == DnsType.Soa)
        {
            throw new FormatException($"'{type}' is not a record type a zone's static records can have");
        }

        // A line break or parenthesis would let the value spill into further entries of the one-line text below.
        if (value.AsSpan().IndexOfAny("\r\n()") >= 0)
        {
            throw new FormatException($"the {type} value '{value}' spans lines or holds parentheses");
        }

        var entries = MasterFileTokenizer.Entries("@ " + value).ToList();
        if (entries is not [{ Tokens.Count: > 1 } entry])
        {
            throw new FormatException($"the {type} value '{value}' is empty");
        }

        return new ResourceRecord(owner, ttl, RdataText.Parse(code, entry.Tokens.Skip(1).ToList(), origin));
    }
}
