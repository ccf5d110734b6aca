using System.Collections.Concurrent;
using Fos1.Zones;
using Fos1.Zones.Updates;

namespace Fos1.Dns.Server.Zones;

/// <summary>Zones held in memory only (tests, local runs): a commit just replaces the current version.</summary>
public sealed class InMemoryZoneStore : IZoneStore
{
    private readonly ConcurrentDictionary<DnsName, Zone> _zones = new();
    private int _commits;

    public InMemoryZoneStore(IEnumerable<Zone> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        foreach (var zone in zones)
        {
            if (!_zones.TryAdd(zone.Origin, zone))
            {
                throw new ArgumentException($"zone {zone.Origin} is given twice", nameof(zones));
            }
        }
    }

    /// <summary>How many changed versions were committed, over all zones.</summary>
    public int CommitCount => Volatile.Read(ref _commits);

    public Zone? Find(DnsName origin) => _zones.GetValueOrDefault(origin);

    public Zone? FindDurable(DnsName origin) => Find(origin);

    public Task CommitAsync(UpdateOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Change is null)
        {
            throw new ArgumentException("only changed zones are committed", nameof(outcome));
        }

        _zones[outcome.Zone.Origin] = outcome.Zone;
        Interlocked.Increment(ref _commits);
        return Task.CompletedTask;
    }
}
