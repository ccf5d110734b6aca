using System.Globalization;
using System.Text;
using Fos1.Ddns;
using Fos1.Zones.Records;

namespace Fos1.Zones.Text;

/// <summary>
/// Renders a zone as an RFC 1035 master file: $ORIGIN, then one record per line in canonical order
/// (SOA first), each with its owner, an explicit numeric TTL and class IN. No $TTL and no inherited
/// fields: ARSoft.Tools.Net's parser and others inherit the previous record's TTL instead of $TTL.
/// The same zone always renders to the same text.
/// </summary>
public static class ZoneFileWriter
{
    public static string Render(Zone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var text = new StringBuilder();
        text.Append("$ORIGIN ").Append(MasterNames.Absolute(zone.Origin)).Append('\n');
        foreach (var record in zone.Records)
        {
            text.Append(Line(record, zone.Origin)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One record as a line, its owner relative to <paramref name="origin"/>.</summary>
    public static string Line(ResourceRecord record, DnsName origin)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Join(' ',
            MasterNames.Relative(record.Owner, origin),
            record.Ttl.ToString(CultureInfo.InvariantCulture),
            "IN",
            DnsType.Mnemonic(record.Type),
            RdataText.Format(record.Data));
    }
}
