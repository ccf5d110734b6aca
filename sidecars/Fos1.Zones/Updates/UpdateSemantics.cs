using Fos1.Ddns;
using Fos1.Zones.Records;

namespace Fos1.Zones.Updates;

/// <summary>
/// RFC 2136 section 3.4.2: apply prescanned update RRs in order, each seeing the effect of the ones
/// before it. RRs the RFC says to ignore (CNAME conflicts, an older SOA, apex SOA/NS deletes) are
/// skipped silently, as the RFC requires; the message still succeeds.
/// </summary>
internal static class UpdateSemantics
{
    public static Zone Apply(Zone zone, IEnumerable<UpdateStep> steps, List<(DnsName Owner, ushort Type)> touched)
    {
        foreach (var step in steps)
        {
            zone = step switch
            {
                AddStep add => Add(zone, add, touched),
                DeleteRRsetStep delete => DeleteRRset(zone, delete, touched),
                DeleteNameStep delete => DeleteName(zone, delete, touched),
                DeleteRecordStep delete => DeleteRecord(zone, delete, touched),
                _ => throw new InvalidOperationException($"unknown update step {step}"),
            };
        }

        return zone;
    }

    private static Zone Add(Zone zone, AddStep add, List<(DnsName, ushort)> touched)
    {
        var (name, type) = (add.Name, add.Type);
        var present = zone.At(name);
        if (type == DnsType.Cname && present.Any(set => !DnsType.MayAccompanyCname(set.Type)))
        {
            return zone;
        }

        if (!DnsType.MayAccompanyCname(type) && present.Any(set => set.Type == DnsType.Cname))
        {
            return zone;
        }

        var existing = zone.Find(name, type);
        if (type == DnsType.Soa)
        {
            // Only the apex has an SOA; one older than the zone's is ignored, an equal one replaces.
            var serial = add.Data.ToSoa().Serial;
            if (existing is null || !(serial == zone.Serial || SerialNumber.IsNewer(serial, zone.Serial)))
            {
                return zone;
            }
        }

        touched.Add((name, type));
        var set = existing is null || type is DnsType.Soa or DnsType.Cname
            ? RRset.Create(existing?.Owner ?? name, add.Ttl, [add.Data])
            : existing.With(add.Data, add.Ttl);
        return zone.With(name, type, set);
    }

    private static Zone DeleteRRset(Zone zone, DeleteRRsetStep delete, List<(DnsName, ushort)> touched)
    {
        if (delete.Name == zone.Origin && delete.Type is DnsType.Soa or DnsType.Ns)
        {
            return zone;
        }

        touched.Add((delete.Name, delete.Type));
        return zone.With(delete.Name, delete.Type, null);
    }

    private static Zone DeleteName(Zone zone, DeleteNameStep delete, List<(DnsName, ushort)> touched)
    {
        foreach (var set in zone.At(delete.Name))
        {
            if (delete.Name == zone.Origin && set.Type is DnsType.Soa or DnsType.Ns)
            {
                continue;
            }

            touched.Add((delete.Name, set.Type));
            zone = zone.With(delete.Name, set.Type, null);
        }

        return zone;
    }

    private static Zone DeleteRecord(Zone zone, DeleteRecordStep delete, List<(DnsName, ushort)> touched)
    {
        var (name, type) = (delete.Name, delete.Type);
        var existing = zone.Find(name, type);
        if (type == DnsType.Soa || existing is null || !existing.Contains(delete.Data))
        {
            return zone;
        }

        if (type == DnsType.Ns && name == zone.Origin && existing.Data.Length == 1)
        {
            return zone;
        }

        touched.Add((name, type));
        return zone.With(name, type, existing.Without(delete.Data));
    }
}
