namespace Fos1.Manifests.Tests.Crds;

public sealed class KubernetesCelLibraryTests
{
    [Theory]
    [InlineData("cidr('192.168.1.0/24').containsIP('192.168.1.7')", true)]
    [InlineData("cidr('192.168.1.0/24').containsIP('192.168.2.7')", false)]
    [InlineData("cidr('192.168.1.0/24').containsIP(ip('192.168.1.255'))", true)]
    [InlineData("cidr('2001:db8:1::/48').containsIP('2001:db8:1:ffff::1')", true)]
    [InlineData("cidr('2001:db8:1::/48').containsIP('192.168.1.1')", false)]
    [InlineData("cidr('2001:db8:8000::/48').containsCIDR('2001:db8:8000:100::/56')", true)]
    [InlineData("string(cidr('192.168.1.5/24').ip()) == string(cidr('192.168.1.5/24').masked().ip())", false)]
    [InlineData("string(cidr('2001:DB8::/32').ip()) == string(cidr('2001:DB8::/32').masked().ip())", true)]
    [InlineData("string(cidr('2001:db8::1/32').masked())", "2001:db8::/32")]
    [InlineData("cidr('10.0.0.0/8').prefixLength() in [8, 16, 24]", true)]
    [InlineData("cidr('2001:db8::/32').ip().family() == 6", true)]
    [InlineData("ip('192.168.1.1').family() == 4", true)]
    [InlineData("isIP('010.0.0.1')", false)]
    [InlineData("isIP('1')", false)]
    [InlineData("isIP('::ffff:192.168.1.1')", false)]
    [InlineData("isIP('fe80::1%eth0')", false)]
    [InlineData("isCIDR('192.168.1.0/33')", false)]
    [InlineData("isCIDR('192.168.1.0')", false)]
    [InlineData("int('192.168.1.200'.split('.')[3]) == 200", true)]
    [InlineData("'08:00' < '15:00'", true)]
    [InlineData("'aa:bb:cc:dd:ee:ff'.matches('^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$')", true)]
    public void Kubernetes_IP_and_CIDR_functions_behave_like_the_API_servers_CEL_library(string expression, object expected)
    {
        var result = new CelRuleCheck().Compile(expression)(new Dictionary<string, object?>());

        Assert.Equal(expected, result);
    }

    [Fact]
    public void An_unparsable_address_is_a_rule_error_as_in_the_API_server()
    {
        var program = new CelRuleCheck().Compile("cidr('192.168.1.0/24').containsIP('192.168.1')");

        Assert.ThrowsAny<Exception>(() => program(new Dictionary<string, object?>()));
    }
}
