using Fos1.Zones;

namespace Fos1.Dns.Publishing.Grpc;

/// <summary>The current zone versions, as the store publishes them. Must be cheap and lock-free to read.</summary>
public interface IZoneSnapshots
{
    /// <summary>The zone holding <paramref name="name"/> (longest match on a label boundary), or null.</summary>
    Zone? FindZone(DnsName name);
}
