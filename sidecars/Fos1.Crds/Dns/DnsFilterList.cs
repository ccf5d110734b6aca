using Fos1.Crds.Serialization;
using Fos1.Kubernetes.Resources;

namespace Fos1.Crds.Dns;

/// <summary>A <c>DNSFilterList</c>: AdGuard Home filter list URLs and user rules.</summary>
public sealed class DnsFilterList() : FosResource<DnsFilterList, DnsFilterListSpec, ResourceStatus>(DnsKinds.FilterList);
