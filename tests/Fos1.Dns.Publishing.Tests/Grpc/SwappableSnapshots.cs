using Fos1.Dns.Publishing.Grpc;
using Fos1.Zones;

namespace Fos1.Dns.Publishing.Tests.Grpc;

/// <summary>Stands in for the durable store: zone versions that a test can replace while the server runs.</summary>
internal sealed class SwappableSnapshots(params Zone[] zones) : IZoneSnapshots
{
    private Zone[] _zones = zones;

    public void Publish(Zone zone) =>
        Volatile.Write(ref _zones, [.. Volatile.Read(ref _zones).Where(z => z.Origin != zone.Origin), zone]);

    public Zone? FindZone(DnsName name) => TestZones.Lookup(Volatile.Read(ref _zones))(name);
}
