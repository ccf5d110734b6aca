using Fos1.Ddns;
using Fos1.Zones.Text;

namespace Fos1.Zones.Store;

/// <summary>
/// A zone's static content, used when the store directory holds no snapshot of it yet (first start).
/// Once a snapshot exists it wins: the static records are not merged again on later starts.
/// </summary>
public sealed record ZoneDefinition(DnsName Origin, Zone Static)
{
    /// <summary>A definition from RFC 1035 zone file text (what a DNSZone CR or a local file holds).</summary>
    /// <exception cref="ZoneFileException">The text is not a valid zone.</exception>
    public static ZoneDefinition FromText(DnsName origin, string text) => new(origin, ZoneFileReader.Parse(text, origin));

    public static ZoneDefinition FromZone(Zone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new ZoneDefinition(zone.Origin, zone);
    }
}
