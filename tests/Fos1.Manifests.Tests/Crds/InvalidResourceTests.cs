namespace Fos1.Manifests.Tests.Crds;

/// <summary>
/// Resources the API server would refuse are refused by the schema-and-CEL check too (no
/// kube-apiserver here), with the failing field path in the message.
/// </summary>
public sealed class InvalidResourceTests
{
    private static string Dhcp4(string spec) => Resource("dhcp.fos1.io/v1alpha1", "DHCPv4Service", spec);

    private static string Dhcp6(string spec) => Resource("dhcp.fos1.io/v1alpha1", "DHCPv6Service", spec);

    private static string Dns(string kind, string spec) => Resource("dns.fos1.io/v1alpha1", kind, spec);

    private static string Resource(string apiVersion, string kind, string spec) =>
        $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: invalid\nspec:\n" +
        string.Join("\n", spec.Split('\n').Select(line => "  " + line));

    private const string Subnet = "subnets:\n- subnet: 192.168.1.0/24\n";

    public static TheoryData<string, string, string> Refused => new()
    {
        { Dhcp4("subnets:\n- subnet: 192.168.1.0/24\n  pools:\n  - {start: 192.168.1.100, end: 192.168.2.10}"), "spec.subnets[0]", "every pool's start and end must be inside subnet" },
        { Dhcp4("subnets:\n- subnet: 192.168.1.0/24\n  pools:\n  - {start: 192.168.1.200, end: 192.168.1.100}"), "spec.subnets[0].pools[0]", "pool start must not be after pool end" },
        { Dhcp4("subnets:\n- subnet: 192.168.1.0/24\n  pools:\n  - {start: 192.168.1.300, end: 192.168.1.310}"), "spec.subnets[0].pools[0].start", "is not a valid ipv4" },
        { Dhcp4(Subnet + "  reservations:\n  - {hwAddress: 'aa:bb:cc:dd:ee', ipAddress: 192.168.1.20}"), "spec.subnets[0].reservations[0].hwAddress", "does not match pattern" },
        { Dhcp4(Subnet + "  reservations:\n  - {hwAddress: 'aa-bb-cc-dd-ee-ff', ipAddress: 192.168.1.20}"), "spec.subnets[0].reservations[0].hwAddress", "does not match pattern" },
        { Dhcp4(Subnet + "  reservations:\n  - {ipAddress: 192.168.1.20}"), "spec.subnets[0].reservations[0]", "exactly one of hwAddress or clientId" },
        { Dhcp4(Subnet + "  reservations:\n  - {hwAddress: 'aa:bb:cc:dd:ee:ff', clientId: '01:aa:bb:cc:dd:ee:ff', ipAddress: 192.168.1.20}"), "spec.subnets[0].reservations[0]", "exactly one of hwAddress or clientId" },
        { Dhcp4(Subnet + "  reservations:\n  - {hwAddress: 'aa:bb:cc:dd:ee:ff'}"), "spec.subnets[0].reservations[0].ipAddress", "Required value" },
        { Dhcp4(Subnet + "  reservations:\n  - {hwAddress: 'aa:bb:cc:dd:ee:ff', ipAddress: 10.0.0.20}"), "spec.subnets[0]", "every reservation's ipAddress must be inside subnet" },
        { Dhcp4("subnets:\n- subnet: 192.168.1.7/24"), "spec.subnets[0]", "no bits set after the prefix length" },
        { Dhcp4("subnets:\n- subnet: 2001:db8::/64"), "spec.subnets[0].subnet", "does not match pattern" },
        { Dhcp4("subnets: []"), "spec.subnets", "at least 1 items" },
        { Dhcp4("interfaces: [eth0]"), "spec.subnets", "Required value" },
        { Dhcp4("subnets:\n- subnet: 192.168.1.0/24\n- subnet: 192.168.1.0/24"), "spec.subnets[1]", "Duplicate value" },
        { Dhcp4(Subnet + "dnsupdates: {enabled: true}"), "spec.dnsupdates", "dnsupdates.domain is required when dnsupdates.enabled is true" },
        { Dhcp4(Subnet + "dnsupdates: {enabled: true, domain: 'home..arpa'}"), "spec.dnsupdates.domain", "does not match pattern" },
        { Dhcp4(Subnet + "dnsupdates: {replaceClientName: sometimes}"), "spec.dnsupdates.replaceClientName", "Unsupported value" },
        { Dhcp4(Subnet + "validLifetime: -1"), "spec.validLifetime", "greater than or equal to 0" },
        { Dhcp4(Subnet + "validLifetime: '3600'"), "spec.validLifetime", "must be of type integer" },
        { Dhcp4("subnets:\n- subnet: 192.168.1.0/24\n  pool: []"), "spec.subnets[0].pool", "unknown field" },
        { Dhcp4(Subnet + "interfaces: [averyveryverylongname0]"), "spec.interfaces[0]", "does not match pattern" },
        { Dhcp6("subnets:\n- subnet: 192.168.1.0/24"), "spec.subnets[0].subnet", "must be an IPv6 prefix" },
        { Dhcp6("subnets:\n- subnet: 2001:db8:1::/64\n  pools:\n  - {start: '2001:db8:2::1', end: '2001:db8:2::ff'}"), "spec.subnets[0]", "every pool's start and end must be inside subnet" },
        { Dhcp6("subnets:\n- subnet: 2001:db8:1::/64\n  pdPools:\n  - {prefix: '2001:db8:8000::/48', delegatedLength: 40}"), "spec.subnets[0].pdPools[0]", "delegatedLength must not be shorter than the prefix length" },
        { Dhcp6("subnets:\n- subnet: 2001:db8:1::/64\n  reservations:\n  - {ipAddresses: ['2001:db8:1::20']}"), "spec.subnets[0].reservations[0].duid", "Required value" },
        { Dhcp6("subnets:\n- subnet: 2001:db8:1::/64\n  reservations:\n  - {duid: '00:01', ipAddresses: ['2001:db8:9::20']}"), "spec.subnets[0]", "every reservation's ipAddresses must be inside subnet" },
        { Dns("DNSZone", "ttl: 60"), "spec.domain", "Required value" },
        { Dns("DNSZone", "domain: exa mple.com"), "spec.domain", "does not match pattern" },
        { Dns("DNSZone", "domain: -bad.home.arpa"), "spec.domain", "does not match pattern" },
        { Dns("DNSZone", "domain: home.arpa."), "spec.domain", "does not match pattern" },
        { Dns("DNSZone", "domain: home.arpa\nrecords:\n- {name: www, type: A, value: '2001:db8::1'}"), "spec.records[0]", "an A record's value must be an IPv4 address" },
        { Dns("DNSZone", "domain: home.arpa\nrecords:\n- {name: www, type: AAAA, value: 192.168.1.1}"), "spec.records[0]", "an AAAA record's value must be an IPv6 address" },
        { Dns("DNSZone", "domain: home.arpa\nrecords:\n- {name: 'bad name', type: TXT, value: x}"), "spec.records[0].name", "does not match pattern" },
        { Dns("DNSZone", "domain: home.arpa\nrecords:\n- {name: www, type: SPF, value: x}"), "spec.records[0].type", "Unsupported value" },
        { Dns("DNSZone", "domain: home.arpa\nrecords:\n- {name: www, type: A}"), "spec.records[0].value", "Required value" },
        { Dns("DNSZone", "domain: home.arpa\ndynamicUpdates: {enabled: true}"), "spec.dynamicUpdates", "dynamicUpdates.keys must name at least one TSIG key" },
        { Dns("DNSZone", "domain: home.arpa\ndynamicUpdates: {enabled: true, keys: []}"), "spec.dynamicUpdates", "dynamicUpdates.keys must name at least one TSIG key" },
        { Dns("DNSZone", "domain: home.arpa\npublish: {mode: Axfr}"), "spec.publish.mode", "Unsupported value" },
        { Dns("DNSZone", "domain: home.arpa\npublish: {notify: ['ns2.home.arpa:53']}"), "spec.publish.notify[0]", "does not match pattern" },
        { Dns("PTRZone", "network: 192.168.0.0/20\nnameServers: [ns.home.arpa]"), "spec.network", "IPv4 /8, /16 or /24" },
        { Dns("PTRZone", "network: 2001:db8::/50\nnameServers: [ns.home.arpa]"), "spec.network", "multiple of 4" },
        { Dns("PTRZone", "network: 192.168.1.5/24\nnameServers: [ns.home.arpa]"), "spec.network", "no bits set after the prefix length" },
        { Dns("PTRZone", "network: 192.168.1.0/24\nnameServers: [ns.home.arpa]\nrecords:\n- {address: 192.168.2.1, hostname: router.home.arpa}"), "spec", "every records[].address must be inside spec.network" },
        { Dns("PTRZone", "network: 192.168.1.0/24"), "spec", "nameServers is required when soa.primaryNameServer is not given" },
        { Dns("PTRZone", "network: 192.168.1.0/24\nnameServers: [ns.home.arpa]\nrecords:\n- {address: 192.168.1.1}"), "spec.records[0].hostname", "Required value" },
        { Dns("DNSFilterList", "enabled: true"), "spec", "needs at least one of urls or rules" },
        { Dns("DNSFilterList", "urls: ['ftp://lists.example/ads.txt']"), "spec.urls[0]", "does not match pattern" },
        { Dns("DNSClient", "tags: [device_tablet]"), "spec.ids", "Required value" },
        { Dns("DNSClient", "ids: []"), "spec.ids", "at least 1 items" },
        { Dns("DNSClient", "ids: ['Not An Id!']"), "spec.ids[0]", "each id must be an IP address, a CIDR, a MAC" },
        { Dns("DNSClient", "ids: [tablet-1]\nblockedServices:\n  schedule:\n    days:\n      mon: {start: '15:00', end: '08:00'}"), "spec.blockedServices.schedule.days.mon", "start must be before end" },
        { Dns("DNSClient", "ids: [tablet-1]\nblockedServices:\n  schedule:\n    days:\n      funday: {start: '08:00', end: '09:00'}"), "spec.blockedServices.schedule.days.funday", "unknown field" },
        { Dns("MDNSReflector", "interfaces: []"), "spec.interfaces", "at least 1 items" },
        { Dns("MDNSReflector", "interfaces: ['eth*']"), "spec.interfaces[0]", "does not match pattern" },
        { Dns("MDNSReflector", "enabled: true"), "spec.interfaces", "Required value" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Invalid_resource_is_refused_by_its_CRD_schema_checked_without_an_API_server(string yaml, string path, string reason)
    {
        var result = CustomResourceCheck.Check(yaml);

        Assert.Contains(result.Violations, v => v.Path == path && v.Message.Contains(reason, StringComparison.Ordinal));
        Assert.Contains($"{path}: ", result.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_without_spec_is_refused()
    {
        var result = CustomResourceCheck.Check("apiVersion: dns.fos1.io/v1alpha1\nkind: DNSZone\nmetadata:\n  name: empty\n");

        Assert.Equal([new SchemaViolation("spec", "Required value")], result.Violations);
    }

    [Theory]
    [InlineData("domain: printer.local")]
    [InlineData("domain: example.local")]
    public void A_dot_local_zone_is_allowed_by_the_schema(string spec)
    {
        var result = CustomResourceCheck.Check(Dns("DNSZone", spec));

        Assert.True(result.Violations.Count == 0, result.Report);
    }

    [Fact]
    public void DHCP_updates_into_a_dot_local_domain_are_allowed_as_the_seed_example_needs()
    {
        var result = CustomResourceCheck.Check(Dhcp4(Subnet + "dnsupdates: {enabled: true, domain: example.local}"));

        Assert.True(result.Violations.Count == 0, result.Report);
    }

    [Fact]
    public void An_unquoted_MAC_of_digits_is_refused_because_Kubernetes_YAML_reads_it_as_a_number()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            CustomResourceCheck.Check(Dhcp4(Subnet + "  reservations:\n  - hwAddress: 00:11:22:33:44:55")));

        Assert.Contains("00:11:22:33:44:55", ex.Message, StringComparison.Ordinal);
        Assert.Contains("quote it", ex.Message, StringComparison.Ordinal);
    }
}
