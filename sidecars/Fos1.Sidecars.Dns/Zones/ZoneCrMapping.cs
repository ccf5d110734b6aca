using Fos1.Crds.Dns;
using Fos1.Kubernetes.Resources;

namespace Fos1.Sidecars.Dns.Zones;

/// <summary>
/// The DNSZone and PTRZone resources to the zones they ask for. Pure. Each apex is served once: a zone
/// from the sidecar's configuration wins, then the resource created first (creationTimestamp, then
/// namespace/name); the others are Conflict. A spec that does not validate is Invalid.
/// </summary>
public static class ZoneCrMapping
{
    public const string DnsZoneKind = "DNSZone";
    public const string PtrZoneKind = "PTRZone";

    /// <param name="configured">The zones served from the sidecar's configuration file.</param>
    public static DesiredZones Map(IReadOnlyList<DnsZone> dnsZones, IReadOnlyList<PtrZone> ptrZones, IReadOnlyCollection<DnsName> configured)
    {
        ArgumentNullException.ThrowIfNull(dnsZones);
        ArgumentNullException.ThrowIfNull(ptrZones);
        ArgumentNullException.ThrowIfNull(configured);
        var rejected = new List<ZoneCrOutcome>();
        var candidates = new List<(DesiredZone Zone, DateTime Created)>();
        foreach (var zone in dnsZones)
        {
            Read(zone, DnsZoneKind, zone.Spec, spec => ZoneSpecReader.Read(spec, Source(zone, DnsZoneKind)), candidates, rejected);
        }

        foreach (var zone in ptrZones)
        {
            Read(zone, PtrZoneKind, zone.Spec, spec => ZoneSpecReader.Read(spec, Source(zone, PtrZoneKind)), candidates, rejected);
        }

        var accepted = new List<DesiredZone>();
        foreach (var group in candidates.GroupBy(c => c.Zone.Origin))
        {
            var ordered = group.OrderBy(c => c.Created)
                .ThenBy(c => c.Zone.Source.Namespace, StringComparer.Ordinal)
                .ThenBy(c => c.Zone.Source.Name, StringComparer.Ordinal)
                .ThenBy(c => c.Zone.Source.Kind, StringComparer.Ordinal)
                .Select(c => c.Zone).ToList();
            var winner = configured.Contains(group.Key) ? null : ordered[0];
            if (winner is not null)
            {
                accepted.Add(winner);
            }

            foreach (var loser in ordered.Where(z => z != winner))
            {
                var by = winner is null
                    ? "the dns sidecar's configuration (DnsSidecar:Zones)"
                    : $"{winner.Source.Kind} {winner.Source.Namespace}/{winner.Source.Name}, created earlier";
                rejected.Add(loser.Source with { State = ZoneCrState.Conflict, Message = $"zone {group.Key} is already served by {by}" });
            }
        }

        return new DesiredZones([.. accepted.OrderBy(z => z.Origin.Text, StringComparer.OrdinalIgnoreCase)], rejected);
    }

    private static void Read<TSpec>(CustomResource<TSpec, ZoneStatus> resource, string kind, TSpec? spec, Func<TSpec, DesiredZone> read,
        List<(DesiredZone, DateTime)> candidates, List<ZoneCrOutcome> rejected)
        where TSpec : class
    {
        try
        {
            var zone = read(spec ?? throw new FormatException("the resource has no spec"));
            candidates.Add((zone, resource.Metadata.CreationTimestamp ?? DateTime.MaxValue));
        }
        catch (FormatException e)
        {
            rejected.Add(Source(resource, kind) with { State = ZoneCrState.Invalid, Message = e.Message });
        }
    }

    private static ZoneCrOutcome Source<TSpec>(CustomResource<TSpec, ZoneStatus> resource, string kind)
        where TSpec : class =>
        new(kind, resource.Metadata.NamespaceProperty ?? "", resource.Metadata.Name ?? "", resource.Metadata.Generation,
            ZoneCrState.Serving, "");
}
