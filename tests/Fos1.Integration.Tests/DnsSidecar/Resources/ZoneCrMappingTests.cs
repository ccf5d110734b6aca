using Fos1.Corefile.Model;
using Fos1.Crds.Dns;
using Fos1.Ddns;
using Fos1.Sidecars.Dns.Configuration;
using Fos1.Sidecars.Dns.Zones;
using Fos1.Zones.Records;

namespace Fos1.Integration.Tests.DnsSidecar.Resources;

/// <summary>The pure resource -> zone mapping (no processes).</summary>
public sealed class ZoneCrMappingTests
{
    private static readonly DnsName Home = DnsName.Parse("home.arpa");

    private static DnsZoneSpec Spec(params StaticRecord[] records) => new() { Domain = "home.arpa", Records = records };

    private static string Describe(ZoneCrOutcome o) => $"{o.Kind} {o.Namespace}/{o.Name} {o.State}: {o.Message}";

    [Fact]
    public void The_oldest_resource_wins_an_apex_and_the_younger_one_is_a_conflict()
    {
        var mapped = ZoneCrMapping.Map([ResourceStack.Zone("young", Spec(), ageMinutes: 1), ResourceStack.Zone("old", Spec(), ageMinutes: 60)], [], []);

        Assert.Equal("old", Assert.Single(mapped.Zones).Source.Name);
        Assert.Equal(["DNSZone net/young Conflict: zone home.arpa. is already served by DNSZone net/old, created earlier"], mapped.Rejected.Select(Describe));
    }

    [Fact]
    public void A_zone_from_the_sidecars_configuration_wins_over_a_resource()
    {
        var mapped = ZoneCrMapping.Map([ResourceStack.Zone("home", Spec())], [], [Home]);

        Assert.Empty(mapped.Zones);
        Assert.Equal(["DNSZone net/home Conflict: zone home.arpa. is already served by the dns sidecar's configuration (DnsSidecar:Zones)"], mapped.Rejected.Select(Describe));
    }

    [Theory]
    [InlineData("www", "A", "not-an-address", "spec.records[0]: ")]
    [InlineData("www", "CAA", "0 issue \"ca.example\"", "spec.records[0]: 'CAA' is not a record type")]
    [InlineData("www.other.example.", "A", "192.0.2.1", "spec.records[0].name: www.other.example. is outside zone home.arpa.")]
    [InlineData("www", "CNAME", "elsewhere.example.", "")]
    public void A_record_that_cannot_be_served_makes_the_resource_invalid(string name, string type, string value, string message)
    {
        StaticRecord[] records = [new() { Name = name, Type = type, Value = value }];
        if (type == "CNAME")
        {
            records = [.. records, new() { Name = name, Type = "TXT", Value = "\"beside a CNAME\"" }];
        }

        var mapped = ZoneCrMapping.Map([ResourceStack.Zone("home", Spec(records))], [], []);

        Assert.Empty(mapped.Zones);
        var rejected = Assert.Single(mapped.Rejected);
        Assert.Equal(ZoneCrState.Invalid, rejected.State);
        Assert.StartsWith(message, rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enabled_updates_without_keys_are_invalid_and_disabled_updates_grant_nothing()
    {
        var invalid = ZoneCrMapping.Map([ResourceStack.Zone("home", Spec() with { DynamicUpdates = new DynamicUpdates { Enabled = true } })], [], []);
        Assert.Equal("spec.dynamicUpdates.keys must name at least one TSIG key when updates are enabled", Assert.Single(invalid.Rejected).Message);

        var disabled = ZoneCrMapping.Map([ResourceStack.Zone("home", Spec() with { DynamicUpdates = new DynamicUpdates { Keys = ["kea"] } })], [], []);
        Assert.Empty(Assert.Single(disabled.Zones).Grants);
    }

    [Fact]
    public void A_PTR_zone_gets_its_reverse_apex_default_types_and_PTRs_inside_the_network_only()
    {
        var spec = new PtrZoneSpec
        {
            Network = "2001:db8::/32",
            NameServers = ["ns.home.arpa"],
            Records = [new PtrRecord { Address = "2001:db8::1", Hostname = "router.home.arpa" }],
            DynamicUpdates = new DynamicUpdates { Enabled = true, Keys = ["kea"] },
            Publish = new PublishSettings { Mode = Fos1.Crds.Dns.PublishMode.Secondary, CacheSeconds = 5, Notify = ["10.0.0.5:53"] },
        };

        var zone = Assert.Single(ZoneCrMapping.Map([], [ResourceStack.Ptr("v6", spec)], []).Zones);

        Assert.Equal("8.b.d.0.1.0.0.2.ip6.arpa", zone.Origin.Text);
        Assert.Equal((Fos1.Corefile.Model.PublishMode.Secondary, 5, "10.0.0.5:53"), (zone.Mode, zone.CacheSeconds, zone.Notify.Single().ToString()));
        Assert.Equal([DnsType.Ptr, DnsType.Dhcid], Assert.Single(zone.Grants).Types.Order());
        Assert.Contains(zone.Static.Records, r => r.ToString() == "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa. 3600 IN PTR router.home.arpa.");

        var outside = spec with { Records = [new PtrRecord { Address = "2001:db9::1", Hostname = "x.home.arpa" }] };
        Assert.Equal("spec.records[0].address: 2001:db9::1 is outside 2001:db8::/32",
            Assert.Single(ZoneCrMapping.Map([], [ResourceStack.Ptr("v6", outside)], []).Rejected).Message);
        var noNameServer = new PtrZoneSpec { Network = "10.0.0.0/8" };
        Assert.Equal("spec.nameServers is required when spec.soa.primaryNameServer is not given",
            Assert.Single(ZoneCrMapping.Map([], [ResourceStack.Ptr("v4", noNameServer)], []).Rejected).Message);
    }

    [Fact]
    public void The_Corefile_gets_one_block_per_resource_zone_in_its_publish_mode_beside_the_configured_ones()
    {
        var file = new DnsZoneSpec { Domain = "files.example", Publish = new PublishSettings { Mode = Fos1.Crds.Dns.PublishMode.File } };
        var zones = ZoneCrMapping.Map([ResourceStack.Zone("home", Spec() with { Publish = new PublishSettings { CacheSeconds = 3 } }), ResourceStack.Zone("files", file)], [], []).Zones;
        var sidecar = new DnsSidecarOptions { PublishDirectory = "/run/zones", GrpcEndpoint = "127.0.0.1:5553", UpdateEndpoint = "0.0.0.0:53", Zones = [new ServedZoneOptions { Name = "static.example" }] };

        var spec = new CorefileOptions { Path = "/etc/coredns/Corefile", Upstreams = ["9.9.9.9"] }.ToSpec(sidecar, zones);

        Assert.Equal(
        [
            ZoneBlock.Grpc("static.example", "127.0.0.1:5553"),
            ZoneBlock.File("files.example", "/run/zones/files.example.zone", TimeSpan.FromSeconds(30)),
            ZoneBlock.Grpc("home.arpa", "127.0.0.1:5553", cacheSeconds: 3),
        ], spec.Zones);
    }
}
