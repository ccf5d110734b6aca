using Fos1.Crds.Dhcp;
using Fos1.Crds.Dns;
using Fos1.Crds.Serialization;
using k8s;

namespace Fos1.Crds.Tests.Serialization;

/// <summary>The two YAML examples of the seed (docs/dns-dhcp-integration.md) must apply unchanged.</summary>
public sealed class SeedExampleTests
{
    // The files in manifests/examples, copied next to the tests; Fos1.Manifests.Tests checks they are the seed's text.
    private static readonly string SeedZone = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "seed-dnszone.yaml"));

    private static readonly string SeedDhcp = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "seed-dhcpv4service.yaml"));

    [Fact]
    public void The_seed_zone_reads_with_the_documented_defaults_filled_in()
    {
        var zone = ResourceYaml.Read<DnsZone>(SeedZone);

        Assert.Equal("DNSZone", zone.Kind);
        Assert.Equal("dns.fos1.io/v1alpha1", zone.ApiVersion);
        Assert.Equal("example-zone", zone.Metadata.Name);
        var spec = Assert.IsType<DnsZoneSpec>(zone.Spec);
        Assert.Equal("example.com", spec.Domain);
        Assert.Equal(3600, spec.Ttl);
        Assert.Equal(new StaticRecord { Name = "www", Type = "A", Value = "192.168.1.10" }, Assert.Single(spec.Records));
        Assert.Equal(new SoaSettings { Refresh = 3600, Retry = 600, Expire = 604800, Minimum = 300 }, spec.Soa);
        Assert.Empty(spec.NameServers);
        Assert.False(spec.DynamicUpdates.Enabled);
        Assert.Empty(spec.DynamicUpdates.Keys);
        Assert.Equal(["A", "AAAA", "DHCID"], ZoneDefaults.UpdatableRecordTypes(spec));
        Assert.Equal(PublishMode.Grpc, spec.Publish.Mode);
        Assert.Equal(0, spec.Publish.CacheSeconds);
        Assert.Empty(spec.Publish.Notify);
        Assert.Null(zone.Status);
    }

    [Fact]
    public void The_seed_dhcp_service_reads_with_the_documented_defaults_filled_in()
    {
        var service = ResourceYaml.Read<DhcpV4Service>(SeedDhcp);

        Assert.Equal("DHCPv4Service", service.Kind);
        Assert.Equal("main-network", service.Metadata.Name);
        var spec = Assert.IsType<DhcpV4ServiceSpec>(service.Spec);
        Assert.Empty(spec.Interfaces);
        Assert.Equal(3600, spec.ValidLifetime);
        Assert.Null(spec.RenewTimer);
        Assert.Null(spec.RebindTimer);
        Assert.Empty(spec.Options);
        var subnet = Assert.Single(spec.Subnets);
        Assert.Equal("192.168.1.0/24", subnet.Subnet);
        Assert.Null(subnet.Id);
        Assert.Equal(new DhcpPool { Start = "192.168.1.100", End = "192.168.1.200" }, Assert.Single(subnet.Pools));
        Assert.Empty(subnet.Options);
        Assert.Empty(subnet.Reservations);
        Assert.Null(subnet.ValidLifetime);
        Assert.Equal(
            new DnsUpdates { Enabled = true, Domain = "example.local", Reverse = true, ReplaceClientName = ReplaceClientName.Never, GeneratedPrefix = "" },
            spec.DnsUpdates);
    }

    [Fact]
    public void The_seed_examples_are_valid()
    {
        Assert.Empty(ZoneValidation.Validate(ResourceYaml.Read<DnsZone>(SeedZone).Spec!));
        Assert.Empty(DhcpServiceValidation.Validate(ResourceYaml.Read<DhcpV4Service>(SeedDhcp).Spec!));
    }
}
