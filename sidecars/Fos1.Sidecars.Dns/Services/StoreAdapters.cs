using Fos1.Dns.Publishing.Grpc;
using Fos1.Dns.Server.Zones;
using Fos1.Zones;
using Fos1.Zones.Store;
using Fos1.Zones.Updates;

namespace Fos1.Sidecars.Dns.Services;

/// <summary>
/// The durable store seen by the UPDATE server (the latest accepted version, which the server's
/// per-zone serialisation builds on) and by the readers (the newest durable version). Zones come and
/// go at runtime, so every lookup asks the store.
/// </summary>
public sealed class StoreAdapters(ZoneStore store) : IZoneStore, IZoneSnapshots
{
    public Zone? Find(DnsName origin)
    {
        try
        {
            return store.Contains(origin) ? store.Latest(origin) : null;
        }
        catch (KeyNotFoundException)
        {
            return null; // removed in between
        }
    }

    public Zone? FindDurable(DnsName origin) => store.TryGetCurrent(origin, out var zone) ? zone : null;

    public Task CommitAsync(UpdateOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return store.CommitAsync(outcome.Change ?? throw new ArgumentException("only changed outcomes are committed", nameof(outcome)));
    }

    /// <summary>The zone holding <paramref name="name"/>: the longest served suffix on a label boundary.</summary>
    public Zone? FindZone(DnsName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var candidate = name; candidate is not null; candidate = candidate.Parent)
        {
            if (FindDurable(candidate) is { } zone)
            {
                return zone;
            }
        }

        return null;
    }
}
