using Fos1.Crds.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>A <c>DNSZone</c>: a forward zone served by the dns sidecar.</summary>
public sealed class DnsZone() : FosResource<DnsZone, DnsZoneSpec, ZoneStatus>(DnsKinds.Zone);
