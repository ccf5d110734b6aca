using Fos1.Ddns.Zones;
using Fos1.Dns.Publishing.Grpc;
using Fos1.Dns.Server.Zones;
using Fos1.Zones;
using Fos1.Zones.Store;
using Fos1.Zones.Updates;

namespace Fos1.Sidecars.Dns.Services;

/// <summary>
/// The durable store seen by the UPDATE server (the latest accepted version, which the server's
/// per-zone serialisation builds on) and by the readers (the newest durable version).
/// </summary>
public sealed class StoreAdapters(ZoneStore store) : IZoneStore, IZoneSnapshots
{
    private readonly ZoneMatcher<DnsName> _zones = new(store.Zones.Select(z => KeyValuePair.Create(z, z)));

    public Zone? Find(DnsName origin) => store.Zones.Contains(origin) ? store.Latest(origin) : null;

    public Task CommitAsync(UpdateOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return store.CommitAsync(outcome.Change ?? throw new ArgumentException("only changed outcomes are committed", nameof(outcome)));
    }

    public Zone? FindZone(DnsName name) =>
        _zones.Match(name) is { } match && store.TryGetCurrent(match.Domain, out var zone) ? zone : null;
}
