using Fos1.Ddns;

namespace Fos1.Zones.Store;

/// <summary>
/// A new version of <paramref name="Zone"/> is durable and visible (<see cref="ZoneChangeKind.Changed"/>), the
/// zone was added at runtime (serial = its first version) or removed (serial = its last version).
/// Bursts coalesce: only the latest serial may be reported.
/// </summary>
public sealed record ZoneChange(DnsName Zone, uint Serial)
{
    public ZoneChangeKind Kind { get; init; } = ZoneChangeKind.Changed;
}
