using Fos1.Crds.Serialization;

namespace Fos1.Crds.Dhcp;

/// <summary>A <c>DHCPv4Service</c>: the kea-dhcp4 subnets, pools, options and DDNS settings.</summary>
public sealed class DhcpV4Service() : FosResource<DhcpV4Service, DhcpV4ServiceSpec, DhcpServiceStatus>(DhcpKinds.V4Service);
