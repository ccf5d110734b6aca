using Fos1.Corefile;

namespace Fos1.Corefile.Tests;

public sealed class ReverseZoneNameTests
{
    [Theory]
    [InlineData("192.168.1.0/24", "1.168.192.in-addr.arpa")]
    [InlineData("10.0.0.0/8", "10.in-addr.arpa")]
    [InlineData("172.16.0.0/16", "16.172.in-addr.arpa")]
    [InlineData("192.0.2.7/32", "7.2.0.192.in-addr.arpa")]
    [InlineData("2001:db8::/32", "8.b.d.0.1.0.0.2.ip6.arpa")]
    [InlineData("2001:db8:1::/48", "1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa")]
    [InlineData("fd00::/8", "d.f.ip6.arpa")]
    [InlineData("2001:db8::/36", "0.8.b.d.0.1.0.0.2.ip6.arpa")]
    public void A_prefix_on_a_label_boundary_names_its_reverse_zone(string cidr, string zone) =>
        Assert.Equal(zone, ReverseZoneName.For(cidr));

    [Theory]
    [InlineData("10.0.0.0/20", "octet boundary")]
    [InlineData("10.0.0.0/0", "octet boundary")]
    [InlineData("10.0.0.0/33", "octet boundary")]
    [InlineData("2001:db8::/30", "nibble boundary")]
    [InlineData("2001:db8::/129", "nibble boundary")]
    [InlineData("192.168.1.5/24", "host bits are set")]
    [InlineData("2001:db8::1/64", "host bits are set")]
    [InlineData("192.168.1.0", "prefix length is missing")]
    [InlineData("192.168.1/24", "all four octets")]
    [InlineData("10/8", "all four octets")]
    [InlineData("192.168.1.0/x", "not a CIDR")]
    public void A_prefix_off_a_boundary_or_with_host_bits_is_refused_with_the_reason(string cidr, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ReverseZoneName.For(cidr));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains(cidr, error.Message, StringComparison.Ordinal);
    }
}
