using Fos1.Crds.Serialization;
using Fos1.Kubernetes.Resources;

namespace Fos1.Crds.Dns;

/// <summary>An <c>MDNSReflector</c>: the avahi-daemon reflector settings.</summary>
public sealed class MdnsReflector() : FosResource<MdnsReflector, MdnsReflectorSpec, ResourceStatus>(DnsKinds.MdnsReflector);
