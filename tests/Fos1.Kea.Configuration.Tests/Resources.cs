using Fos1.Crds.Dhcp;
using Fos1.Kea.Configuration.Rendering;
using Fos1.Testbed;
using k8s.Models;

namespace Fos1.Kea.Configuration.Tests;

/// <summary>CRs and templates for the tests, built the way the API server would hand them over.</summary>
internal static class Resources
{
    public static readonly DateTime T0 = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);

    public static KeaConfigTemplate Template4 { get; } = Shipped("kea-dhcp4.conf");

    public static KeaConfigTemplate Template6 { get; } = Shipped("kea-dhcp6.conf");

    public static DhcpV4Service V4(string name, DhcpV4ServiceSpec spec, int minutesAfterT0 = 0, long generation = 1) => new()
    {
        Metadata = Metadata(name, minutesAfterT0, generation),
        Spec = spec,
    };

    public static DhcpV6Service V6(string name, DhcpV6ServiceSpec spec, int minutesAfterT0 = 0, long generation = 1) => new()
    {
        Metadata = Metadata(name, minutesAfterT0, generation),
        Spec = spec,
    };

    public static DhcpV4ServiceSpec Subnet4(string cidr, long? id = null, params DhcpPool[] pools) => new()
    {
        Subnets = [new DhcpSubnet4 { Subnet = cidr, Id = id, Pools = pools }],
    };

    public static DhcpPool Pool(string start, string end) => new() { Start = start, End = end };

    private static V1ObjectMeta Metadata(string name, int minutesAfterT0, long generation) => new()
    {
        Name = name,
        NamespaceProperty = "default",
        Generation = generation,
        CreationTimestamp = T0.AddMinutes(minutesAfterT0),
    };

    private static KeaConfigTemplate Shipped(string file) =>
        KeaConfigTemplate.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "kea-config", file)));
}
