using System.Text.Json;
using Fos1.Crds.Dhcp;
using Fos1.Crds.Dns;
using Fos1.Crds.Serialization;
using Fos1.Kubernetes.Configuration;

namespace Fos1.Crds.Tests.Serialization;

public sealed class RoundTripTests
{
    public static TheoryData<string> Examples() =>
        [nameof(FullExamples.DnsZone), nameof(FullExamples.PtrZone), nameof(FullExamples.DnsFilterList), nameof(FullExamples.DnsClient),
         nameof(FullExamples.MdnsReflector), nameof(FullExamples.DhcpV4Service), nameof(FullExamples.DhcpV6Service)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_kind_survives_json_and_yaml_round_trips_unchanged(string kind)
    {
        var (json, viaLayerJson, viaPlainJson, viaYaml) = kind switch
        {
            nameof(FullExamples.DnsZone) => RoundTrip<DnsZone>(FullExamples.DnsZone),
            nameof(FullExamples.PtrZone) => RoundTrip<PtrZone>(FullExamples.PtrZone),
            nameof(FullExamples.DnsFilterList) => RoundTrip<DnsFilterList>(FullExamples.DnsFilterList),
            nameof(FullExamples.DnsClient) => RoundTrip<DnsClient>(FullExamples.DnsClient),
            nameof(FullExamples.MdnsReflector) => RoundTrip<MdnsReflector>(FullExamples.MdnsReflector),
            nameof(FullExamples.DhcpV4Service) => RoundTrip<DhcpV4Service>(FullExamples.DhcpV4Service),
            _ => RoundTrip<DhcpV6Service>(FullExamples.DhcpV6Service),
        };

        Assert.Equal(json, viaLayerJson);
        Assert.Equal(json, viaPlainJson);
        Assert.Equal(json, viaYaml);
    }

    [Fact]
    public void Enums_are_written_as_the_strings_of_the_contract()
    {
        var service = ResourceYaml.Read<DhcpV4Service>(FullExamples.DhcpV4Service);
        var zone = ResourceYaml.Read<DnsZone>(FullExamples.DnsZone);

        Assert.Equal(ReplaceClientName.WhenNotPresent, service.Spec!.DnsUpdates.ReplaceClientName);
        Assert.Equal(PublishMode.Secondary, zone.Spec!.Publish.Mode);
        Assert.Contains("\"dnsupdates\":{", KubernetesSerialization.Serialize(service), StringComparison.Ordinal);
        Assert.Contains("\"replaceClientName\":\"when-not-present\"", KubernetesSerialization.Serialize(service), StringComparison.Ordinal);
        Assert.Contains("\"replaceClientName\":\"when-not-present\"", JsonSerializer.Serialize(service), StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"Secondary\"", KubernetesSerialization.Serialize(zone), StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"Secondary\"", JsonSerializer.Serialize(zone), StringComparison.Ordinal);
        Assert.Contains("mode: Secondary", ResourceYaml.Write(zone), StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_nulls_read_as_the_defaults()
    {
        const string json = """
            {"apiVersion":"dns.fos1.io/v1alpha1","kind":"DNSZone","metadata":{"name":"z"},
             "spec":{"domain":"home.arpa","records":null,"soa":null,"nameServers":null,"dynamicUpdates":{"keys":null},"publish":null}}
            """;

        var spec = KubernetesSerialization.Deserialize<DnsZone>(json)!.Spec!;

        Assert.Empty(spec.Records);
        Assert.Empty(spec.NameServers);
        Assert.Empty(spec.DynamicUpdates.Keys);
        Assert.Equal(300, spec.Soa.Minimum);
        Assert.Equal(PublishMode.Grpc, spec.Publish.Mode);
    }

    [Fact]
    public void Quoted_yaml_scalars_stay_strings_and_plain_ones_are_typed()
    {
        const string yaml = """
            apiVersion: dns.fos1.io/v1alpha1
            kind: DNSZone
            metadata: {name: z}
            spec:
              domain: home.arpa
              ttl: 60
              records:
                - {name: "1", type: TXT, value: "true"}
                - {name: '2', type: TXT, value: '300'}
            """;

        var zone = ResourceYaml.Read<DnsZone>(yaml);
        var written = ResourceYaml.Write(zone);
        var again = ResourceYaml.Read<DnsZone>(written);

        Assert.Equal(60, zone.Spec!.Ttl);
        Assert.Equal(new StaticRecord { Name = "1", Type = "TXT", Value = "true" }, zone.Spec.Records[0]);
        Assert.Equal(new StaticRecord { Name = "2", Type = "TXT", Value = "300" }, zone.Spec.Records[1]);
        Assert.Equal(KubernetesSerialization.Serialize(zone), KubernetesSerialization.Serialize(again));
    }

    [Fact]
    public void The_full_dhcpv4_example_reads_every_field()
    {
        var service = ResourceYaml.Read<DhcpV4Service>(FullExamples.DhcpV4Service);

        var subnet = Assert.Single(service.Spec!.Subnets);
        Assert.Equal(7, subnet.Id);
        Assert.Equal(600, subnet.ValidLifetime);
        Assert.Equal(new DhcpOption { Name = "routers", Data = "192.168.1.1" }, Assert.Single(subnet.Options));
        Assert.Equal(new DhcpOption { Name = "domain-name-servers", Data = "192.168.1.1", AlwaysSend = true }, Assert.Single(service.Spec.Options));
        Assert.Equal(new DhcpReservation4 { HwAddress = "aa:bb:cc:dd:ee:ff", IpAddress = "192.168.1.20", Hostname = "printer" }, subnet.Reservations[0]);
        Assert.Equal(new DhcpReservation4 { ClientId = "01:aa:bb:cc:dd:ee:01", IpAddress = "192.168.1.21" }, subnet.Reservations[1]);
        Assert.Equal(
            new DnsUpdates { Enabled = true, Domain = "home.arpa", Reverse = false, ReplaceClientName = ReplaceClientName.WhenNotPresent, GeneratedPrefix = "host" },
            service.Spec.DnsUpdates);
        var status = service.Status!;
        Assert.Equal(2, status.AppliedGeneration);
        Assert.Equal("sha256:00ff", status.ConfigHash);
        var condition = Assert.Single(status.Conditions);
        Assert.Equal(("Ready", "False", "Rejected", "subnet 192.168.1.0/24: pool overlaps"), (condition.Type, condition.Status, condition.Reason, condition.Message));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero), condition.LastTransitionTime);
    }

    [Fact]
    public void The_full_dhcpv6_and_zone_examples_read_every_field()
    {
        var v6 = ResourceYaml.Read<DhcpV6Service>(FullExamples.DhcpV6Service).Spec!;
        var zone = ResourceYaml.Read<DnsZone>(FullExamples.DnsZone);
        var client = ResourceYaml.Read<DnsClient>(FullExamples.DnsClient).Spec!;

        var subnet = Assert.Single(v6.Subnets);
        Assert.Equal(3600, v6.PreferredLifetime);
        Assert.Equal(new PdPool { Prefix = "2001:db8:8000::/48", DelegatedLength = 56 }, Assert.Single(subnet.PdPools));
        var reservation = Assert.Single(subnet.Reservations);
        Assert.Equal(["2001:db8:1::20"], reservation.IpAddresses);
        Assert.Equal(["2001:db8:8100::/56"], reservation.Prefixes);
        Assert.Equal(ReplaceClientName.Always, v6.DnsUpdates.ReplaceClientName);
        Assert.True(v6.DnsUpdates.Reverse);
        Assert.Equal("home.arpa.", zone.Status!.Zone);
        Assert.Equal(2026112901u, zone.Status.Serial);
        Assert.Equal(3, zone.Status.ObservedGeneration);
        Assert.Equal(["A", "DHCID"], ZoneDefaults.UpdatableRecordTypes(zone.Spec!));
        Assert.Equal(new TimeRange { Start = "08:00", End = "15:00" }, client.BlockedServices.Schedule!.Days!.Mon);
        Assert.Equal([("mon", new TimeRange { Start = "08:00", End = "15:00" }), ("sun", new TimeRange { Start = "00:00", End = "24:00" })], client.BlockedServices.Schedule.Days.Set());
    }

    private static (string Json, string ViaLayerJson, string ViaPlainJson, string ViaYaml) RoundTrip<T>(string yaml)
        where T : class
    {
        var read = ResourceYaml.Read<T>(yaml);
        var json = KubernetesSerialization.Serialize(read);
        return (
            json,
            KubernetesSerialization.Serialize(KubernetesSerialization.Deserialize<T>(json)!),
            KubernetesSerialization.Serialize(JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(read))!),
            KubernetesSerialization.Serialize(ResourceYaml.Read<T>(ResourceYaml.Write(read))));
    }
}
