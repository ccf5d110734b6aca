using System.Net;
using Fos1.Corefile.Model;
using Fos1.Zones.Policy;
using Fos1.Zones.StaticRecords;

namespace Fos1.Sidecars.Dns.Zones;

/// <summary>
/// One zone a DNSZone/PTRZone asks for, resolved and validated: its static part, who may update it, whom
/// to NOTIFY, and how CoreDNS gets it.
/// </summary>
public sealed record DesiredZone(
    DnsName Origin,
    ZoneCrOutcome Source,
    StaticRecordSet Static,
    IReadOnlyList<UpdateGrant> Grants,
    IReadOnlyList<IPEndPoint> Notify,
    PublishMode Mode,
    int CacheSeconds);
