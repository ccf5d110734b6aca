using Fos1.Ddns;

namespace Fos1.Zones.Store;

/// <summary>A new version of <paramref name="Zone"/> is durable and visible. Bursts coalesce: only the latest serial may be reported.</summary>
public sealed record ZoneChange(DnsName Zone, uint Serial);
