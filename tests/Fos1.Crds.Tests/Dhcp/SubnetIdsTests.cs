using System.Net;
using Fos1.Crds.Dhcp;

namespace Fos1.Crds.Tests.Dhcp;

public sealed class SubnetIdsTests
{
    [Fact]
    public void A_subnet_without_an_id_gets_one_that_depends_only_on_the_prefix()
    {
        var first = SubnetIds.Stable(IPNetwork.Parse("192.168.1.0/24"));

        Assert.Equal(first, SubnetIds.Stable(IPNetwork.Parse("192.168.1.0/24")));
        Assert.NotEqual(first, SubnetIds.Stable(IPNetwork.Parse("192.168.2.0/24")));
        Assert.NotEqual(first, SubnetIds.Stable(IPNetwork.Parse("192.168.1.0/25")));
        Assert.InRange(first, 1, 4294967294);
    }

    [Fact]
    public void The_stable_id_of_a_prefix_is_fixed_across_releases()
    {
        // Pinned (computed independently: SHA-256 of the text, first 4 octets big-endian, mod 4294967294, + 1):
        // changing the derivation would move every lease to a new subnet-id.
        Assert.Equal(3491398237, SubnetIds.Stable(IPNetwork.Parse("192.168.1.0/24")));
        Assert.Equal(1785839249, SubnetIds.Stable(IPNetwork.Parse("2001:0db8:0001::/64")));
    }

    [Fact]
    public void An_explicit_id_wins() =>
        Assert.Equal(7, SubnetIds.Effective(7, IPNetwork.Parse("192.168.1.0/24")));
}
