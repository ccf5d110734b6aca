using Fos1.Crds.Dns;
using Fos1.Crds.Tests.Serialization;
using Fos1.Crds.Serialization;
using k8s;
using static Fos1.Crds.Tests.Validation.Errors;

namespace Fos1.Crds.Tests.Validation;

public sealed class PtrZoneValidationTests
{
    private static readonly PtrZoneSpec Valid = ResourceYaml.Read<PtrZone>(FullExamples.PtrZone).Spec!;

    [Fact]
    public void The_full_example_is_valid() => Assert.Empty(ZoneValidation.Validate(Valid));

    [Theory]
    [InlineData("10.0.0.0/8", "10.in-addr.arpa")]
    [InlineData("172.16.0.0/16", "16.172.in-addr.arpa")]
    [InlineData("192.168.1.0/24", "1.168.192.in-addr.arpa")]
    [InlineData("2001:db8::/32", "8.b.d.0.1.0.0.2.ip6.arpa")]
    [InlineData("2001:db8:1:a0::/60", "a.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa")]
    public void The_reverse_zone_follows_the_network(string network, string zone) =>
        Assert.Equal(zone, ReverseZone.For(network).Text);

    [Theory]
    [InlineData("192.168.16.0/20")]
    [InlineData("192.168.1.128/25")]
    [InlineData("0.0.0.0/0")]
    [InlineData("2001:db8::/62")]
    [InlineData("::/0")]
    [InlineData("192.168.1.1/24")]
    [InlineData("192.168.1.0")]
    [InlineData("")]
    public void Networks_without_a_reverse_zone_of_their_own_are_invalid(string network) =>
        Single(ZoneValidation.Validate(Valid with { Network = network, Records = [] }), "spec.network");

    [Fact]
    public void Name_servers_are_required_without_a_primary_name_server()
    {
        Single(ZoneValidation.Validate(Valid with { NameServers = [] }), "spec.nameServers");
        Assert.Empty(ZoneValidation.Validate(Valid with { NameServers = [], Soa = new SoaSettings { PrimaryNameServer = "ns.home.arpa" } }));
    }

    [Theory]
    [InlineData("192.168.2.1")]
    [InlineData("2001:db8::1")]
    [InlineData("192.168.1")]
    [InlineData("")]
    public void Record_addresses_must_lie_inside_the_network(string address) =>
        Single(ZoneValidation.Validate(Valid with { Records = [new PtrRecord { Address = address, Hostname = "h.home.arpa" }] }), "spec.records[0].address");

    [Theory]
    [InlineData("")]
    [InlineData("bad host.home.arpa")]
    public void Record_hostnames_must_be_dns_names(string hostname) =>
        Single(ZoneValidation.Validate(Valid with { Records = [new PtrRecord { Address = "192.168.1.9", Hostname = hostname }] }), "spec.records[0].hostname");

    [Fact]
    public void Dynamic_updates_need_a_key_when_enabled() =>
        Single(ZoneValidation.Validate(Valid with { DynamicUpdates = Valid.DynamicUpdates with { Keys = [] } }), "spec.dynamicUpdates.keys");

    [Fact]
    public void Reverse_zones_default_to_updating_ptr_and_dhcid() =>
        Assert.Equal(["PTR", "DHCID"], ZoneDefaults.UpdatableRecordTypes(Valid));

    [Fact]
    public void Soa_names_default_from_the_zone()
    {
        var zone = ReverseZone.For("192.168.1.0/24");

        Assert.Equal("ns.1.168.192.in-addr.arpa", ZoneDefaults.PrimaryNameServer(new SoaSettings(), zone));
        Assert.Equal("hostmaster.1.168.192.in-addr.arpa", ZoneDefaults.Mailbox(new SoaSettings(), zone));
        Assert.Equal(["ns.home.arpa"], ZoneDefaults.NameServers([], new SoaSettings { PrimaryNameServer = "ns.home.arpa" }, zone));
        Assert.Equal(["a.home.arpa", "b.home.arpa"], ZoneDefaults.NameServers(["a.home.arpa", "b.home.arpa"], new SoaSettings(), zone));
    }
}
