using Fos1.Crds.Dhcp;
using Fos1.Crds.Dns;
using Fos1.Kubernetes.Resources;
using Fos1.Crds.Serialization;
using Fos1.Kubernetes.Configuration;

namespace Fos1.Crds.Tests.Serialization;

public sealed class ManifestLoadingTests
{
    [Fact]
    public void A_multi_document_manifest_loads_each_kind_by_its_api_version_and_kind()
    {
        var objects = ResourceYaml.ReadAll(FullExamples.DnsZone + "\n---\n" + FullExamples.DhcpV4Service);

        Assert.Collection(
            objects,
            zone => Assert.Equal("home.arpa", Assert.IsType<DnsZone>(zone).Spec!.Domain),
            service => Assert.Equal(7, Assert.IsType<DhcpV4Service>(service).Spec!.Subnets[0].Id));
    }

    [Fact]
    public void A_manifest_document_of_another_kind_is_refused_by_name()
    {
        var e = Assert.Throws<FormatException>(() => ResourceYaml.ReadAll("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"));

        Assert.Equal("A manifest document is a v1/ConfigMap, which is not a Fos1 kind.", e.Message);
    }

    [Fact]
    public void A_list_from_the_api_server_reads_with_kubernetes_json()
    {
        var json = $$"""
            {"apiVersion":"dns.fos1.io/v1alpha1","kind":"DNSZoneList","metadata":{"resourceVersion":"42"},
             "items":[{{KubernetesSerialization.Serialize(ResourceYaml.Read<DnsZone>(FullExamples.DnsZone))}}]}
            """;

        var list = KubernetesSerialization.Deserialize<CustomResourceList<DnsZone>>(json)!;

        Assert.Equal("42", list.Metadata.ResourceVersion);
        Assert.Equal("home.arpa", Assert.Single(list.Items).Spec!.Domain);
    }

    [Fact]
    public void New_resources_carry_their_api_version_and_kind()
    {
        Assert.Equal(("dns.fos1.io/v1alpha1", "PTRZone"), (new PtrZone().ApiVersion, new PtrZone().Kind));
        Assert.Equal(("dhcp.fos1.io/v1alpha1", "DHCPv6Service"), (new DhcpV6Service().ApiVersion, new DhcpV6Service().Kind));
        Assert.Equal("mdnsreflectors.dns.fos1.io/v1alpha1", DnsKinds.MdnsReflector.ToString());
        Assert.Equal("dnsfilterlists", DnsKinds.FilterList.Plural);
        Assert.Equal("dnsclients", DnsKinds.Client.Plural);
        Assert.Equal("dnszones", DnsKinds.Zone.Plural);
        Assert.Equal("dhcpv4services", DhcpKinds.V4Service.Plural);
    }
}
