using Fos1.Ddns;

namespace Fos1.Crds.Dns;

/// <summary>
/// The defaults of docs/crds.md that depend on the zone's own name, so they cannot be property initializers:
/// the SOA names, the apex NS set and the kind-specific updatable record types.
/// </summary>
public static class ZoneDefaults
{
    /// <summary>soa.primaryNameServer, or "ns.&lt;zone&gt;".</summary>
    public static string PrimaryNameServer(SoaSettings soa, DnsName zone)
    {
        ArgumentNullException.ThrowIfNull(soa);
        ArgumentNullException.ThrowIfNull(zone);
        return string.IsNullOrEmpty(soa.PrimaryNameServer) ? zone.Prepend("ns").Text : soa.PrimaryNameServer;
    }

    /// <summary>soa.mailbox, or "hostmaster.&lt;zone&gt;".</summary>
    public static string Mailbox(SoaSettings soa, DnsName zone)
    {
        ArgumentNullException.ThrowIfNull(soa);
        ArgumentNullException.ThrowIfNull(zone);
        return string.IsNullOrEmpty(soa.Mailbox) ? zone.Prepend("hostmaster").Text : soa.Mailbox;
    }

    /// <summary>nameServers, or [primary name server] when none are listed.</summary>
    public static IReadOnlyList<string> NameServers(IReadOnlyList<string> nameServers, SoaSettings soa, DnsName zone)
    {
        ArgumentNullException.ThrowIfNull(nameServers);
        return nameServers.Count > 0 ? nameServers : [PrimaryNameServer(soa, zone)];
    }

    public static IReadOnlyList<string> UpdatableRecordTypes(DnsZoneSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.DynamicUpdates.RecordTypes ?? DynamicUpdates.ForwardRecordTypes;
    }

    public static IReadOnlyList<string> UpdatableRecordTypes(PtrZoneSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.DynamicUpdates.RecordTypes ?? DynamicUpdates.ReverseRecordTypes;
    }
}
