using Fos1.Kubernetes.Resources;

namespace Fos1.Crds.Dhcp;

/// <summary>Where the API server serves the dhcp.fos1.io kinds.</summary>
public static class DhcpKinds
{
    public const string Group = "dhcp.fos1.io";
    public const string Version = "v1alpha1";

    public static ResourceKind V4Service { get; } = new(Group, Version, "dhcpv4services", "DHCPv4Service");

    public static ResourceKind V6Service { get; } = new(Group, Version, "dhcpv6services", "DHCPv6Service");
}
