using Fos1.Crds.Serialization;
using Fos1.Kubernetes.Resources;

namespace Fos1.Crds.Dns;

/// <summary>A <c>DNSClient</c>: an AdGuard Home persistent client.</summary>
public sealed class DnsClient() : FosResource<DnsClient, DnsClientSpec, ResourceStatus>(DnsKinds.Client);
