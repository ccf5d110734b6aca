using System.Text.Json.Nodes;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>
/// A resource with only its required fields, defaulted by the CRD's schema the way the API server
/// would, equals the defaults docs/crds.md lists (checked without an API server).
/// </summary>
public sealed class DocumentedDefaultsTests
{
    [Theory]
    [InlineData("dns.fos1.io/v1alpha1", "DNSZone", """{"domain":"home.arpa"}""",
        """{"domain":"home.arpa","ttl":3600,"soa":{"refresh":3600,"retry":600,"expire":604800,"minimum":300},"records":[],"dynamicUpdates":{"enabled":false,"recordTypes":["A","AAAA","DHCID"]},"publish":{"mode":"Grpc","cacheSeconds":0,"notify":[]}}""")]
    [InlineData("dns.fos1.io/v1alpha1", "PTRZone", """{"network":"192.168.1.0/24","nameServers":["ns.home.arpa"]}""",
        """{"network":"192.168.1.0/24","nameServers":["ns.home.arpa"],"ttl":3600,"soa":{"refresh":3600,"retry":600,"expire":604800,"minimum":300},"records":[],"dynamicUpdates":{"enabled":false,"recordTypes":["PTR","DHCID"]},"publish":{"mode":"Grpc","cacheSeconds":0,"notify":[]}}""")]
    [InlineData("dns.fos1.io/v1alpha1", "DNSFilterList", """{"rules":["||ads.example^"]}""",
        """{"rules":["||ads.example^"],"enabled":true,"allowlist":false,"urls":[]}""")]
    [InlineData("dns.fos1.io/v1alpha1", "DNSClient", """{"ids":["192.168.1.50"]}""",
        """{"ids":["192.168.1.50"],"tags":[],"upstreams":[],"useGlobalSettings":true,"filteringEnabled":true,"parentalEnabled":false,"safeBrowsingEnabled":false,"safeSearch":{"enabled":false},"blockedServices":{"useGlobal":true,"ids":[]}}""")]
    [InlineData("dns.fos1.io/v1alpha1", "DNSClient", """{"ids":["tablet-1"],"blockedServices":{"schedule":{}}}""",
        """{"ids":["tablet-1"],"blockedServices":{"schedule":{"timeZone":"Local"},"useGlobal":true,"ids":[]},"tags":[],"upstreams":[],"useGlobalSettings":true,"filteringEnabled":true,"parentalEnabled":false,"safeBrowsingEnabled":false,"safeSearch":{"enabled":false}}""")]
    [InlineData("dns.fos1.io/v1alpha1", "MDNSReflector", """{"interfaces":["eth0"]}""",
        """{"interfaces":["eth0"],"enabled":true,"ipv4":true,"ipv6":true,"reflectIpv":false,"filters":[]}""")]
    [InlineData("dhcp.fos1.io/v1alpha1", "DHCPv4Service", """{"subnets":[{"subnet":"192.168.1.0/24"}]}""",
        """{"subnets":[{"subnet":"192.168.1.0/24","pools":[],"reservations":[]}],"interfaces":[],"validLifetime":3600,"options":[],"dnsupdates":{"enabled":false,"reverse":true,"generatedPrefix":""}}""")]
    [InlineData("dhcp.fos1.io/v1alpha1", "DHCPv6Service", """{"subnets":[{"subnet":"2001:db8:1::/64"}]}""",
        """{"subnets":[{"subnet":"2001:db8:1::/64","pools":[],"pdPools":[],"reservations":[]}],"interfaces":[],"validLifetime":3600,"options":[],"dnsupdates":{"enabled":false,"reverse":true,"generatedPrefix":""}}""")]
    public void Schema_defaults_fill_in_exactly_the_documented_defaults(string apiVersion, string kind, string spec, string expected)
    {
        var resource = new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = "minimal" },
            ["spec"] = JsonNode.Parse(spec),
        };

        var result = CustomResourceCheck.Check(resource);

        Assert.True(result.Violations.Count == 0, result.Report);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result.Defaulted["spec"]), result.Defaulted["spec"]!.ToJsonString());
    }
}
