using Fos1.Ddns;
using Fos1.Zones.Records;
using Fos1.Zones.Text;

namespace Fos1.Zones.StaticRecords;

/// <summary>
/// The records a DNSZone/PTRZone resource puts into its zone: the SOA fields (the serial in <see cref="Soa"/>
/// is ignored, the store owns it), the apex NS and the static records. Everything else in the zone is
/// dynamic (RFC 2136). Persisted as zone file text (<see cref="ToText"/>, <see cref="Parse"/>) so the next
/// sync knows which RRsets the previous version named.
/// </summary>
public sealed record StaticRecordSet(DnsName Origin, SoaData Soa, uint SoaTtl, IReadOnlyList<ResourceRecord> Records)
{
    /// <summary>The RRsets named, in canonical order, without the SOA.</summary>
    public IReadOnlyList<(DnsName Owner, ushort Type)> RRsetKeys =>
        [.. Records.Where(r => r.Type != DnsType.Soa).Select(r => (r.Owner, r.Type)).Distinct()
            .OrderBy(k => k.Owner, CanonicalNameOrder.Instance).ThenBy(k => k.Type)];

    /// <summary>The owner names the set holds records at: the resource owns these names outright.</summary>
    public IReadOnlySet<DnsName> Owners => Records.Where(r => r.Type != DnsType.Soa).Select(r => r.Owner).ToHashSet();

    /// <summary>The set as a zone of its own, with <paramref name="serial"/> (the first version of a new zone).</summary>
    /// <exception cref="ArgumentException">The records do not form a zone (outside the origin, CNAME beside other data...).</exception>
    public Zone ToZone(uint serial) =>
        Zone.Create(Origin, [new ResourceRecord(Origin, SoaTtl, (Soa with { Serial = serial }).ToRdata()), .. Records.Where(r => r.Type != DnsType.Soa)]);

    public static StaticRecordSet FromZone(Zone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new StaticRecordSet(zone.Origin, zone.Soa, zone.SoaRecord.Ttl, [.. zone.Records.Where(r => r.Type != DnsType.Soa)]);
    }

    /// <summary>Stable zone file text (serial 0).</summary>
    public string ToText() => ZoneFileWriter.Render(ToZone(0));

    /// <exception cref="ZoneFileException">The text is not a zone.</exception>
    public static StaticRecordSet Parse(string text, DnsName origin) => FromZone(ZoneFileReader.Parse(text, origin));
}
