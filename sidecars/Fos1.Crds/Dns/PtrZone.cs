using Fos1.Crds.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>A <c>PTRZone</c>: the reverse zone of a network, served by the dns sidecar.</summary>
public sealed class PtrZone() : FosResource<PtrZone, PtrZoneSpec, ZoneStatus>(DnsKinds.PtrZone);
