using Fos1.Crds.Dhcp;
using Fos1.Crds.Tests.Serialization;
using Fos1.Crds.Serialization;
using k8s;
using static Fos1.Crds.Tests.Validation.Errors;

namespace Fos1.Crds.Tests.Validation;

public sealed class DhcpV6ServiceValidationTests
{
    private static readonly DhcpV6ServiceSpec Valid = ResourceYaml.Read<DhcpV6Service>(FullExamples.DhcpV6Service).Spec!;
    private static readonly DhcpSubnet6 Subnet = Valid.Subnets[0];
    private static readonly DhcpReservation6 Reservation = Subnet.Reservations[0];

    private static DhcpV6ServiceSpec WithSubnet(DhcpSubnet6 subnet) => Valid with { Subnets = [subnet] };

    private static DhcpV6ServiceSpec WithReservation(DhcpReservation6 reservation) => WithSubnet(Subnet with { Reservations = [reservation] });

    [Fact]
    public void The_full_example_is_valid() => Assert.Empty(DhcpServiceValidation.Validate(Valid));

    [Theory]
    [InlineData("192.168.1.0/24")]
    [InlineData("2001:db8:1::1/64")]
    [InlineData("2001:db8:1::/129")]
    public void A_subnet_must_be_an_ipv6_network_prefix(string subnet) =>
        Single(DhcpServiceValidation.Validate(WithSubnet(new DhcpSubnet6 { Subnet = subnet })), "spec.subnets[0].subnet");

    [Fact]
    public void A_pool_outside_the_subnet_is_invalid() =>
        Single(
            DhcpServiceValidation.Validate(WithSubnet(Subnet with { Pools = [new DhcpPool { Start = "2001:db8:1::100", End = "2001:db8:2::1" }] })),
            "spec.subnets[0].pools[0].end");

    [Theory]
    [InlineData(47)]
    [InlineData(129)]
    public void A_delegated_length_must_lie_between_the_prefix_length_and_128(int length) =>
        Single(
            DhcpServiceValidation.Validate(WithSubnet(Subnet with { PdPools = [new PdPool { Prefix = "2001:db8:8000::/48", DelegatedLength = length }] })),
            "spec.subnets[0].pdPools[0].delegatedLength");

    [Fact]
    public void A_pd_pool_prefix_must_be_ipv6() =>
        Single(
            DhcpServiceValidation.Validate(WithSubnet(Subnet with { PdPools = [new PdPool { Prefix = "10.0.0.0/8", DelegatedLength = 56 }] })),
            "spec.subnets[0].pdPools[0].prefix");

    [Fact]
    public void A_reservation_needs_a_duid() =>
        Single(DhcpServiceValidation.Validate(WithReservation(Reservation with { Duid = "" })), "spec.subnets[0].reservations[0].duid");

    [Theory]
    [InlineData("00:01")]
    [InlineData("00:01:zz")]
    [InlineData("aa:bb:cc:dd:ee:ff:")]
    public void A_reservation_duid_must_be_hex_octets(string duid) =>
        Single(DhcpServiceValidation.Validate(WithReservation(Reservation with { Duid = duid })), "spec.subnets[0].reservations[0].duid");

    [Fact]
    public void A_reserved_address_outside_the_subnet_is_invalid() =>
        Single(DhcpServiceValidation.Validate(WithReservation(Reservation with { IpAddresses = ["2001:db8:9::20"] })), "spec.subnets[0].reservations[0].ipAddresses[0]");

    [Fact]
    public void A_reserved_prefix_must_be_an_ipv6_prefix() =>
        Single(DhcpServiceValidation.Validate(WithReservation(Reservation with { Prefixes = ["2001:db8:8100::1/56"] })), "spec.subnets[0].reservations[0].prefixes[0]");

    [Fact]
    public void Overlapping_subnets_in_one_service_are_invalid() =>
        Single(
            DhcpServiceValidation.Validate(Valid with { Subnets = [Subnet, new DhcpSubnet6 { Subnet = "2001:db8::/32" }] }),
            "spec.subnets[1].subnet");

    [Fact]
    public void Dns_updates_need_a_domain_when_enabled() =>
        Single(DhcpServiceValidation.Validate(Valid with { DnsUpdates = new DnsUpdates { Enabled = true, Domain = "" } }), "spec.dnsupdates.domain");
}
