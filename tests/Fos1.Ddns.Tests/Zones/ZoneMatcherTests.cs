using Fos1.Ddns.Zones;

namespace Fos1.Ddns.Tests.Zones;

public sealed class ZoneMatcherTests
{
    private static ZoneMatcher<string> Matcher(params string[] zones) =>
        new(zones.Select(z => KeyValuePair.Create(DnsName.Parse(z), "domain " + z)));

    [Theory]
    [InlineData("host.home.arpa", "home.arpa")]
    [InlineData("home.arpa", "home.arpa")]
    [InlineData("a.b.lab.home.arpa", "lab.home.arpa")]
    [InlineData("lab.home.arpa", "lab.home.arpa")]
    [InlineData("HOST.Lab.Home.Arpa.", "lab.home.arpa")]
    [InlineData("10.2.0.192.in-addr.arpa", "2.0.192.in-addr.arpa")]
    public void The_longest_zone_holding_the_name_wins(string name, string zone)
    {
        var matcher = Matcher("home.arpa", "lab.home.arpa", "2.0.192.in-addr.arpa", "in-addr.arpa.example");

        Assert.True(matcher.TryMatch(DnsName.Parse(name), out var match));
        Assert.Equal(zone, match.Zone.Text);
        Assert.Equal("domain " + zone, match.Domain);
    }

    [Theory]
    [InlineData("fooexample.com")]
    [InlineData("example.com.evil")]
    [InlineData("com")]
    [InlineData("")]
    public void A_name_matches_only_on_a_label_boundary(string name)
    {
        Assert.Null(Matcher("example.com").Match(DnsName.Parse(name)));
    }

    [Fact]
    public void The_match_reports_the_zone_as_configured_not_as_asked()
    {
        var match = Matcher("Home.Arpa").Match(DnsName.Parse("host.HOME.ARPA"));

        Assert.Equal("Home.Arpa", match?.Zone.Text);
    }

    [Fact]
    public void A_root_zone_catches_every_name_that_no_longer_zone_holds()
    {
        var matcher = Matcher("", "home.arpa");

        Assert.Equal(DnsName.Root, matcher.Match(DnsName.Parse("example.org"))?.Zone);
        Assert.Equal("home.arpa", matcher.Match(DnsName.Parse("x.home.arpa"))?.Zone.Text);
    }

    [Fact]
    public void Without_zones_nothing_matches()
    {
        Assert.False(Matcher().TryMatch(DnsName.Parse("host.home.arpa"), out _));
    }

    [Fact]
    public void A_zone_configured_twice_in_any_case_is_rejected()
    {
        var thrown = Assert.Throws<ArgumentException>(() => Matcher("home.arpa", "HOME.arpa."));
        Assert.Contains("HOME.arpa. is configured more than once", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_zones_are_listed()
    {
        Assert.Equal(["a.example", "b.example"], Matcher("a.example", "b.example").Zones.Select(z => z.Zone.Text).Order());
    }
}
