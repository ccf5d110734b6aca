using Fos1.Crds.Dhcp;
using Fos1.Kea.Configuration.Rendering;
using static Fos1.Kea.Configuration.Tests.Resources;
using static Fos1.Kea.Configuration.Tests.Rendering.ServiceOrderAndConflictTests;

namespace Fos1.Kea.Configuration.Tests.Rendering;

public sealed class KeaDhcp6ConfigRendererTests
{
    [Fact]
    public void Pd_pools_reservations_and_lifetimes_render_as_kea_dhcp6_subnet_parameters()
    {
        var service = V6("home", new DhcpV6ServiceSpec
        {
            Interfaces = ["eth0"],
            PreferredLifetime = 2700,
            Options = [new DhcpOption { Name = "dns-servers", Data = "2001:db8:1::1" }],
            Subnets =
            [
                new DhcpSubnet6
                {
                    Subnet = "2001:db8:1::/64",
                    Id = 6,
                    Pools = [Pool("2001:db8:1::100", "2001:db8:1::1ff")],
                    PdPools = [new PdPool { Prefix = "2001:db8:8000::/48", DelegatedLength = 56 }],
                    Options = [new DhcpOption { Name = "domain-search", Data = "home.arpa", AlwaysSend = true }],
                    Reservations =
                    [
                        new DhcpReservation6 { Duid = "00:03:00:01:aa:bb:cc:dd:ee:ff", IpAddresses = ["2001:db8:1::20"], Prefixes = ["2001:db8:8000:100::/56"], Hostname = "nas" },
                        new DhcpReservation6 { Duid = "00:03:00:01:11:22:33:44:55:66" },
                    ],
                },
            ],
        });

        var rendering = KeaDhcp6ConfigRenderer.Render([service], Template6);

        Assert.Equal(ServiceOutcomeKind.Included, Assert.Single(rendering.Outcomes).Kind);
        Assert.Equal(
            """{"id":6,"subnet":"2001:db8:1::/64","interface":"eth0","pools":[{"pool":"2001:db8:1::100 - 2001:db8:1::1ff"}],"pd-pools":[{"prefix":"2001:db8:8000::","prefix-len":48,"delegated-len":56}],"option-data":[{"name":"dns-servers","data":"2001:db8:1::1"},{"name":"domain-search","data":"home.arpa","always-send":true}],"reservations":[{"duid":"00:03:00:01:aa:bb:cc:dd:ee:ff","ip-addresses":["2001:db8:1::20"],"prefixes":["2001:db8:8000:100::/56"],"hostname":"nas"},{"duid":"00:03:00:01:11:22:33:44:55:66"}],"valid-lifetime":3600,"preferred-lifetime":2700,"ddns-send-updates":false,"user-context":{"fos1":{"service":"default/home"}}}""",
            Assert.Single(Subnets(rendering)).ToJsonString());
        Assert.False(Body(rendering).ContainsKey("subnet4"));
    }

    [Fact]
    public void A_v6_service_without_interfaces_binds_its_subnets_to_the_only_default_interface()
    {
        var rendering = KeaDhcp6ConfigRenderer.Render(
            [V6("lab", new DhcpV6ServiceSpec { Subnets = [new DhcpSubnet6 { Subnet = "2001:db8:2::/64" }] })],
            Template6,
            new KeaRenderOptions { DefaultInterfaces = ["veth9"], DataDirectory = "/tmp/kea6" });

        Assert.Equal("veth9", (string)Assert.Single(Subnets(rendering))["interface"]!);
        Assert.Equal("/tmp/kea6", (string)Body(rendering)["data-directory"]!);
    }

    [Theory]
    [InlineData("2001:db8:8000::/48", 40, "spec.subnets[0].pdPools[0].delegatedLength: 40 is outside 48..128 (the prefix length up to 128)")]
    [InlineData("2001:db8:8000::1/48", 56, "spec.subnets[0].pdPools[0].prefix: '2001:db8:8000::1/48' is not a network prefix (address/length without host bits)")]
    public void A_pd_pool_that_cannot_work_makes_the_service_invalid(string prefix, int delegated, string reason)
    {
        var rendering = KeaDhcp6ConfigRenderer.Render(
            [V6("lab", new DhcpV6ServiceSpec { Subnets = [new DhcpSubnet6 { Subnet = "2001:db8:2::/64", PdPools = [new PdPool { Prefix = prefix, DelegatedLength = delegated }] }] })],
            Template6);

        Assert.Equal((ServiceOutcomeKind.Invalid, reason), (rendering.Outcomes[0].Kind, rendering.Outcomes[0].Reason));
        Assert.Empty(Subnets(rendering));
    }

    [Fact]
    public void A_v6_reservation_needs_a_duid_and_addresses_inside_the_subnet()
    {
        var rendering = KeaDhcp6ConfigRenderer.Render(
            [
                V6("noduid", new DhcpV6ServiceSpec { Subnets = [new DhcpSubnet6 { Subnet = "2001:db8:2::/64", Reservations = [new DhcpReservation6 { IpAddresses = ["2001:db8:2::5"] }] }] }, 0),
                V6("outside", new DhcpV6ServiceSpec { Subnets = [new DhcpSubnet6 { Subnet = "2001:db8:3::/64", Reservations = [new DhcpReservation6 { Duid = "00:03:00:01:02:03", IpAddresses = ["2001:db8:4::5"] }] }] }, 1),
            ],
            Template6);

        Assert.Equal(
            ["spec.subnets[0].reservations[0].duid: is required", "spec.subnets[0].reservations[0].ipAddresses[0]: 2001:db8:4::5 is outside subnet 2001:db8:3::/64"],
            rendering.Outcomes.Select(o => o.Reason));
    }

    [Fact]
    public void A_v4_template_is_refused_for_v6_services()
    {
        Assert.Throws<ArgumentException>(() => KeaDhcp6ConfigRenderer.Render([], Template4));
    }
}
