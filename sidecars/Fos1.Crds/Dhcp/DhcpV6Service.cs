using Fos1.Crds.Serialization;

namespace Fos1.Crds.Dhcp;

/// <summary>A <c>DHCPv6Service</c>: the kea-dhcp6 subnets, pools, delegated prefixes, options and DDNS settings.</summary>
public sealed class DhcpV6Service() : FosResource<DhcpV6Service, DhcpV6ServiceSpec, DhcpServiceStatus>(DhcpKinds.V6Service);
