using Fos1.Ddns;
using Fos1.Zones.Journal;
using Fos1.Zones.Records;

namespace Fos1.Zones.StaticRecords;

/// <summary>
/// Brings a live zone's static part to a new version of its resource without touching the dynamic records:
/// <list type="bullet">
/// <item>every RRset the desired set names is replaced by the desired one;</item>
/// <item>every RRset the previous set named and the desired one does not is deleted;</item>
/// <item>a name the desired set holds records at belongs to the resource: any other RRset there (a DHCP
/// client's A/AAAA and its DHCID) is deleted, so static wins, and the client, whose DHCID is gone, gets a
/// conflict (YXDOMAIN, then NXRRSET) instead of taking the name back;</item>
/// <item>the SOA fields and TTL come from the desired set, and the serial goes up exactly once.</item>
/// </list>
/// Pure: the store commits the entry like an UPDATE's.
/// </summary>
public static class StaticRecordSync
{
    /// <param name="previous">What the last applied version named; null when unknown (nothing is deleted for it).</param>
    /// <returns>The journal entry, or null when the zone already matches.</returns>
    /// <exception cref="ArgumentException">The desired set is not a valid zone, or is for another origin.</exception>
    public static UpdateJournalEntry? Plan(Zone current, StaticRecordSet? previous, StaticRecordSet desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        if (desired.Origin != current.Origin || (previous is not null && previous.Origin != current.Origin))
        {
            throw new ArgumentException($"the static records are for {desired.Origin}, not zone {current.Origin}", nameof(desired));
        }

        var wanted = desired.ToZone(current.Serial);
        var next = current;
        var touched = new List<(DnsName Owner, ushort Type)>();
        void Set(DnsName owner, ushort type, RRset? set)
        {
            next = next.With(owner, type, set);
            touched.Add((owner, type));
        }

        var desiredKeys = desired.RRsetKeys.ToHashSet();
        foreach (var key in previous?.RRsetKeys ?? [])
        {
            if (!desiredKeys.Contains(key))
            {
                Set(key.Owner, key.Type, null);
            }
        }

        foreach (var owner in desired.Owners)
        {
            foreach (var set in current.At(owner))
            {
                if (set.Type != DnsType.Soa && !desiredKeys.Contains((owner, set.Type)))
                {
                    Set(owner, set.Type, null);
                }
            }
        }

        foreach (var (owner, type) in desiredKeys)
        {
            Set(owner, type, wanted.Find(owner, type));
        }

        Set(current.Origin, DnsType.Soa, wanted.Find(current.Origin, DnsType.Soa));
        if (touched.All(key => Equals(current.Find(key.Owner, key.Type), next.Find(key.Owner, key.Type))))
        {
            return null;
        }

        var soa = next.SoaRecord;
        next = next.With(current.Origin, DnsType.Soa,
            RRset.Create(soa.Owner, soa.Ttl, [(soa.Data.ToSoa() with { Serial = SerialNumber.Increment(current.Serial) }).ToRdata()]));
        return UpdateJournalEntry.Between(current, next, touched);
    }
}
