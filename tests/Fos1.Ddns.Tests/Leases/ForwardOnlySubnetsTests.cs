using System.Net;
using Fos1.Ddns.Leases;

namespace Fos1.Ddns.Tests.Leases;

public sealed class ForwardOnlySubnetsTests
{
    private static readonly ForwardOnlySubnets Subnets = ForwardOnlySubnets.Of(["192.0.2.0/24", "2001:db8::/64"]);

    [Fact]
    public void An_add_inside_a_forward_only_subnet_keeps_its_forward_half_and_loses_the_ptr()
    {
        var filtered = Subnets.Filter(Samples.V4());

        Assert.Equal(Samples.V4(reverse: false), filtered);
    }

    [Fact]
    public void A_remove_inside_a_forward_only_subnet_touches_no_ptr_either()
    {
        Assert.Equal(Samples.V4(NameChangeKind.Remove, reverse: false), Subnets.Filter(Samples.V4(NameChangeKind.Remove)));
        Assert.Equal(Samples.V6(NameChangeKind.Remove) with { Reverse = false }, Subnets.Filter(Samples.V6(NameChangeKind.Remove)));
    }

    [Fact]
    public void A_reverse_only_change_inside_a_forward_only_subnet_is_dropped()
    {
        Assert.Null(Subnets.Filter(Samples.V4(forward: false)));
        Assert.Equal([Samples.V4(reverse: false)], Subnets.Filter([Samples.V4(forward: false), Samples.V4()]));
    }

    [Fact]
    public void A_change_outside_every_forward_only_subnet_passes_unchanged()
    {
        var outside = Samples.V4() with { Address = IPAddress.Parse("198.51.100.7") };
        var forwardOnly = Samples.V4(reverse: false);

        Assert.Same(outside, Subnets.Filter(outside));
        Assert.Same(forwardOnly, Subnets.Filter(forwardOnly));
        var otherV6 = Samples.V6() with { Address = IPAddress.Parse("2001:db8:1::100") };
        Assert.Same(otherV6, Subnets.Filter(otherV6));
    }

    [Fact]
    public void No_subnets_let_every_change_through_and_an_ipv4_mapped_address_counts_as_ipv4()
    {
        var change = Samples.V4();
        Assert.Same(change, ForwardOnlySubnets.None.Filter(change));
        Assert.True(Subnets.Contains(IPAddress.Parse("::ffff:192.0.2.9")));
        Assert.False(ForwardOnlySubnets.Of([]).Contains(IPAddress.Parse("192.0.2.9")));
    }

    [Fact]
    public void Two_families_combine_into_one_filter()
    {
        var combined = ForwardOnlySubnets.Of(["192.0.2.0/24"]).With(ForwardOnlySubnets.Of(["2001:db8::/64"]));

        Assert.Equal(["192.0.2.0/24", "2001:db8::/64"], combined.Networks.Select(n => n.ToString()));
        Assert.Single(ForwardOnlySubnets.Of(["192.0.2.0/24", "192.0.2.0/24"]).With(ForwardOnlySubnets.None).Networks);
    }
}
