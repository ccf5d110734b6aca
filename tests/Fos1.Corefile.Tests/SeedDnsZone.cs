using Fos1.Corefile.Model;

namespace Fos1.Corefile.Tests;

/// <summary>
/// The seed's DNSZone example (domain example.com, ttl 3600, www A 192.168.1.10). Its TTL and records
/// go to the dns sidecar's zone store; the Corefile only learns the domain and how it is published.
/// </summary>
internal static class SeedDnsZone
{
    public const string Domain = "example.com";
    public const int Ttl = 3600;
    public static readonly (string Name, string Type, string Data)[] Records = [("www", "A", "192.168.1.10")];

    public static ZoneBlock Block(PublishMode mode) => mode switch
    {
        PublishMode.Grpc => ZoneBlock.Grpc(Domain, "127.0.0.1:5300"),
        PublishMode.Secondary => ZoneBlock.Secondary(Domain, ["127.0.0.1:5301"]),
        PublishMode.File => ZoneBlock.File(Domain, "/var/lib/coredns/zones/example.com.zone", TimeSpan.FromSeconds(30)),
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static CorefileSpec Spec(PublishMode mode) => new() { Upstreams = ["9.9.9.9"], Zones = [Block(mode)] };
}
