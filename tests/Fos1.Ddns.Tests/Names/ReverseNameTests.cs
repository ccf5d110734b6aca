using System.Net;

namespace Fos1.Ddns.Tests.Names;

public sealed class ReverseNameTests
{
    [Theory]
    [InlineData("192.0.2.10", "10.2.0.192.in-addr.arpa")]
    [InlineData("10.0.0.1", "1.0.0.10.in-addr.arpa")]
    [InlineData("0.0.0.0", "0.0.0.0.in-addr.arpa")]
    [InlineData("255.255.255.255", "255.255.255.255.in-addr.arpa")]
    public void An_ipv4_address_reverses_its_octets_under_in_addr_arpa(string address, string expected)
    {
        Assert.Equal(expected, ReverseName.For(IPAddress.Parse(address)).Text);
    }

    [Theory]
    [InlineData("2001:db8::1", "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa")]
    [InlineData("2001:DB8:ABCD:12::FF00", "0.0.f.f.0.0.0.0.0.0.0.0.0.0.0.0.2.1.0.0.d.c.b.a.8.b.d.0.1.0.0.2.ip6.arpa")]
    [InlineData("::", "0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa")]
    public void An_ipv6_address_reverses_its_32_nibbles_in_lower_case_under_ip6_arpa(string address, string expected)
    {
        var name = ReverseName.For(IPAddress.Parse(address));

        Assert.Equal(expected, name.Text);
        Assert.Equal(34, name.Labels.Count);
    }

    [Fact]
    public void An_ipv4_mapped_ipv6_address_stays_in_ip6_arpa()
    {
        var expected = "1.0.2.0.0.0.0.c.f.f.f.f." + string.Concat(Enumerable.Repeat("0.", 20)) + "ip6.arpa";

        Assert.Equal(expected, ReverseName.For(IPAddress.Parse("::ffff:192.0.2.1")).Text);
    }
}
