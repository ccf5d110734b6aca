using Fos1.Crds.Dhcp;
using Fos1.Crds.Serialization;
using k8s;
using Fos1.Crds.Tests.Serialization;
using static Fos1.Crds.Tests.Validation.Errors;

namespace Fos1.Crds.Tests.Validation;

public sealed class DhcpV4ServiceValidationTests
{
    private static readonly DhcpV4ServiceSpec Valid = ResourceYaml.Read<DhcpV4Service>(FullExamples.DhcpV4Service).Spec!;
    private static readonly DhcpSubnet4 Subnet = Valid.Subnets[0];

    private static DhcpV4ServiceSpec WithSubnet(DhcpSubnet4 subnet) => Valid with { Subnets = [subnet] };

    private static DhcpV4ServiceSpec WithReservation(DhcpReservation4 reservation) => WithSubnet(Subnet with { Reservations = [reservation] });

    private static DhcpV4ServiceSpec WithPools(params DhcpPool[] pools) => WithSubnet(Subnet with { Pools = pools });

    [Fact]
    public void The_full_example_is_valid() => Assert.Empty(DhcpServiceValidation.Validate(Valid));

    [Fact]
    public void A_service_without_subnets_is_invalid() =>
        Single(DhcpServiceValidation.Validate(Valid with { Subnets = [] }), "spec.subnets");

    [Theory]
    [InlineData("192.168.1.0/33")]
    [InlineData("192.168.1.5/24")]
    [InlineData("2001:db8::/64")]
    [InlineData("192.168.1.0")]
    [InlineData("")]
    public void A_subnet_must_be_an_ipv4_network_prefix(string subnet) =>
        Single(DhcpServiceValidation.Validate(WithSubnet(new DhcpSubnet4 { Subnet = subnet })), "spec.subnets[0].subnet");

    [Fact]
    public void A_pool_start_outside_the_subnet_is_invalid() =>
        Single(DhcpServiceValidation.Validate(WithPools(new DhcpPool { Start = "192.168.2.100", End = "192.168.1.200" })), "spec.subnets[0].pools[0].start");

    [Fact]
    public void A_pool_end_that_is_not_a_dotted_quad_is_invalid() =>
        Single(DhcpServiceValidation.Validate(WithPools(new DhcpPool { Start = "192.168.1.100", End = "192.168.1" })), "spec.subnets[0].pools[0].end");

    [Fact]
    public void A_pool_starting_after_its_end_is_invalid()
    {
        var error = Single(DhcpServiceValidation.Validate(WithPools(new DhcpPool { Start = "192.168.1.200", End = "192.168.1.100" })), "spec.subnets[0].pools[0]");
        Assert.Equal("start 192.168.1.200 is after end 192.168.1.100", error.Message);
    }

    [Fact]
    public void Overlapping_pools_are_invalid() =>
        Single(
            DhcpServiceValidation.Validate(WithPools(
                new DhcpPool { Start = "192.168.1.100", End = "192.168.1.150" },
                new DhcpPool { Start = "192.168.1.150", End = "192.168.1.160" })),
            "spec.subnets[0].pools[1]");

    [Fact]
    public void A_reservation_needs_an_identifier() =>
        Single(DhcpServiceValidation.Validate(WithReservation(new DhcpReservation4 { IpAddress = "192.168.1.5" })), "spec.subnets[0].reservations[0]");

    [Fact]
    public void A_reservation_takes_only_one_identifier() =>
        Single(
            DhcpServiceValidation.Validate(WithReservation(new DhcpReservation4 { HwAddress = "aa:bb:cc:dd:ee:ff", ClientId = "01:aa:bb:cc:dd:ee:ff", IpAddress = "192.168.1.5" })),
            "spec.subnets[0].reservations[0]");

    [Theory]
    [InlineData("aa:bb:cc:dd:ee")]
    [InlineData("aa-bb-cc-dd-ee-ff")]
    [InlineData("gg:bb:cc:dd:ee:ff")]
    public void A_reservation_hw_address_must_be_a_mac(string mac) =>
        Single(DhcpServiceValidation.Validate(WithReservation(new DhcpReservation4 { HwAddress = mac, IpAddress = "192.168.1.5" })), "spec.subnets[0].reservations[0].hwAddress");

    [Theory]
    [InlineData("01")]
    [InlineData("01:a")]
    [InlineData("printer")]
    public void A_reservation_client_id_must_be_hex_octets(string clientId) =>
        Single(DhcpServiceValidation.Validate(WithReservation(new DhcpReservation4 { ClientId = clientId, IpAddress = "192.168.1.5" })), "spec.subnets[0].reservations[0].clientId");

    [Fact]
    public void A_reserved_address_outside_the_subnet_is_invalid() =>
        Single(DhcpServiceValidation.Validate(WithReservation(new DhcpReservation4 { HwAddress = "aa:bb:cc:dd:ee:ff", IpAddress = "10.0.0.5" })), "spec.subnets[0].reservations[0].ipAddress");

    [Fact]
    public void An_address_reserved_twice_is_invalid() =>
        Single(
            DhcpServiceValidation.Validate(WithSubnet(Subnet with
            {
                Reservations =
                [
                    new DhcpReservation4 { HwAddress = "aa:bb:cc:dd:ee:01", IpAddress = "192.168.1.5" },
                    new DhcpReservation4 { HwAddress = "aa:bb:cc:dd:ee:02", IpAddress = "192.168.1.5" },
                ],
            })),
            "spec.subnets[0].reservations[1].ipAddress");

    [Fact]
    public void A_client_reserved_twice_is_invalid() =>
        Single(
            DhcpServiceValidation.Validate(WithSubnet(Subnet with
            {
                Reservations =
                [
                    new DhcpReservation4 { HwAddress = "aa:bb:cc:dd:ee:01", IpAddress = "192.168.1.5" },
                    new DhcpReservation4 { HwAddress = "AA:BB:CC:DD:EE:01", IpAddress = "192.168.1.6" },
                ],
            })),
            "spec.subnets[0].reservations[1]");

    [Fact]
    public void A_reservation_hostname_must_be_a_dns_name() =>
        Single(
            DhcpServiceValidation.Validate(WithReservation(new DhcpReservation4 { HwAddress = "aa:bb:cc:dd:ee:ff", IpAddress = "192.168.1.5", Hostname = "my printer" })),
            "spec.subnets[0].reservations[0].hostname");

    [Fact]
    public void Overlapping_subnets_in_one_service_are_invalid()
    {
        var error = Single(
            DhcpServiceValidation.Validate(Valid with { Subnets = [Subnet, new DhcpSubnet4 { Subnet = "192.168.0.0/16" }] }),
            "spec.subnets[1].subnet");
        Assert.Equal("192.168.0.0/16 overlaps spec.subnets[0] (192.168.1.0/24)", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4294967295)]
    public void A_subnet_id_must_be_one_kea_accepts(long id) =>
        Single(DhcpServiceValidation.Validate(WithSubnet(Subnet with { Id = id })), "spec.subnets[0].id");

    [Fact]
    public void Subnet_ids_are_unique_within_a_service() =>
        Single(
            DhcpServiceValidation.Validate(Valid with { Subnets = [Subnet, new DhcpSubnet4 { Subnet = "192.168.2.0/24", Id = 7 }] }),
            "spec.subnets[1].id");

    [Fact]
    public void Dns_updates_need_a_domain_when_enabled() =>
        Single(DhcpServiceValidation.Validate(Valid with { DnsUpdates = new DnsUpdates { Enabled = true } }), "spec.dnsupdates.domain");

    [Theory]
    [InlineData("home.arpa.")]
    [InlineData("home arpa")]
    [InlineData("-home.arpa")]
    [InlineData("home..arpa")]
    public void The_dns_updates_domain_must_be_a_dns_name_without_trailing_dot(string domain) =>
        Single(DhcpServiceValidation.Validate(Valid with { DnsUpdates = Valid.DnsUpdates with { Domain = domain } }), "spec.dnsupdates.domain");

    [Fact]
    public void The_generated_prefix_must_be_one_label() =>
        Single(DhcpServiceValidation.Validate(Valid with { DnsUpdates = Valid.DnsUpdates with { GeneratedPrefix = "dyn.host" } }), "spec.dnsupdates.generatedPrefix");

    [Fact]
    public void The_renew_timer_must_not_exceed_the_rebind_timer() =>
        Single(DhcpServiceValidation.Validate(Valid with { RenewTimer = 2000, RebindTimer = 1000 }), "spec.renewTimer");

    [Fact]
    public void A_negative_lifetime_is_invalid() =>
        Single(DhcpServiceValidation.Validate(WithSubnet(Subnet with { ValidLifetime = -1 })), "spec.subnets[0].validLifetime");

    [Fact]
    public void An_option_needs_a_name() =>
        Single(DhcpServiceValidation.Validate(Valid with { Options = [new DhcpOption { Data = "1.1.1.1" }] }), "spec.options[0].name");
}
