using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Fos1.Sidecars.Dns.Configuration;

/// <summary>The "DnsSidecar" section: the zones this primary serves, who may update them, where it listens.</summary>
public sealed class DnsSidecarOptions
{
    public const string SectionName = "DnsSidecar";

    /// <summary>Journals and zone snapshots (a persistent volume).</summary>
    [Required]
    public string StateDirectory { get; set; } = "/var/lib/fos1/dns-sidecar";

    /// <summary>Also write each zone's file here for CoreDNS's file plugin (a shared emptyDir); off when empty.</summary>
    public string? PublishDirectory { get; set; }

    /// <summary>
    /// Shortest time between two writes of one zone's file during a burst of updates (the first after a quiet
    /// spell is immediate). Each write is the whole file; on ext4 the journal's fsync also flushes these writes,
    /// so a shorter interval costs UPDATE latency. CoreDNS's file plugin reloads far less often anyway.
    /// </summary>
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>RFC 2136 listener, UDP and TCP ("address:port").</summary>
    [Required]
    public string UpdateEndpoint { get; set; } = "0.0.0.0:53";

    /// <summary>The gRPC DnsService for CoreDNS's grpc plugin (h2c, keep it on loopback); off when empty.</summary>
    public string? GrpcEndpoint { get; set; } = "127.0.0.1:5553";

    public List<DnsTsigKeyOptions> TsigKeys { get; set; } = [];

    /// <summary>
    /// The zones from configuration. At least one is needed unless Kubernetes is enabled (then DNSZone/PTRZone
    /// resources may bring every zone); Program checks that, since it depends on another section.
    /// </summary>
    public List<ServedZoneOptions> Zones { get; set; } = [];

    /// <summary>
    /// With Kubernetes enabled: how long start-up waits for the first list of DNSZone/PTRZone resources before
    /// the UPDATE listener and the gRPC bridge start anyway (without the resources' zones until the API answers).
    /// </summary>
    public TimeSpan ResourceSyncTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// With Kubernetes enabled: the shortest time between two status refreshes caused by zone changes (DHCP
    /// updates move a zone's serial), so a burst of UPDATEs costs one status write per resource, not one each.
    /// </summary>
    public TimeSpan StatusSerialInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// CoreDNS's own gRPC server block (e.g. <c>http://127.0.0.1:9053</c>), asked for each zone's SOA
    /// serial after every change: the publish-latency metric and the caught-up signal. Off when empty.
    /// </summary>
    public string? CoreDnsProbe { get; set; }

    /// <summary>Who may AXFR the zones (CoreDNS `secondary` replicas, BIND/Knot secondaries).</summary>
    public TransferOptions Transfer { get; set; } = new();
}

public sealed class TransferOptions
{
    /// <summary>TSIG key names allowed to transfer every zone.</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>Unsigned transfers from loopback (a CoreDNS secondary in the same pod).</summary>
    public bool AllowUnsignedFromLoopback { get; set; } = true;
}

public sealed class DnsTsigKeyOptions
{
    public string Name { get; set; } = "";

    public string Algorithm { get; set; } = "HMAC-SHA256";

    public string? Secret { get; set; }

    [ConfigurationKeyName("SecretFile")]
    public string? SecretFile { get; set; }
}

public sealed class ServedZoneOptions
{
    /// <summary>The zone, e.g. "home.arpa" or "2.0.192.in-addr.arpa".</summary>
    public string Name { get; set; } = "";

    /// <summary>RFC 1035 file with the zone's static records (first start only); a minimal SOA + NS zone when empty.</summary>
    public string? File { get; set; }

    /// <summary>Who may change what: each grant names a TSIG key, name patterns and record types.</summary>
    public List<UpdateGrantOptions> Grants { get; set; } = [];

    /// <summary>Secondaries ("address:port") told by NOTIFY after every change.</summary>
    public List<string> Notify { get; set; } = [];

    /// <summary>How the rendered Corefile has CoreDNS serve this zone: Grpc (default), File or Secondary.</summary>
    public Fos1.Corefile.Model.PublishMode PublishMode { get; set; } = Fos1.Corefile.Model.PublishMode.Grpc;
}

public sealed class UpdateGrantOptions
{
    public string Key { get; set; } = "";

    /// <summary>"*" (any name in the zone), "*.suffix" (names below suffix) or an exact name.</summary>
    public string Names { get; set; } = "*";

    /// <summary>Record types; empty means A, AAAA, PTR, DHCID, TXT.</summary>
    public List<string> Types { get; set; } = [];
}
