using Fos1.Crds.Dns;
using Fos1.Crds.Tests.Serialization;
using Fos1.Crds.Serialization;
using k8s;
using static Fos1.Crds.Tests.Validation.Errors;

namespace Fos1.Crds.Tests.Validation;

public sealed class ZoneValidationTests
{
    private static readonly DnsZoneSpec Valid = ResourceYaml.Read<DnsZone>(FullExamples.DnsZone).Spec!;

    private static DnsZoneSpec WithRecords(params StaticRecord[] records) => Valid with { Records = records };

    private static StaticRecord Record(string type, string value, string name = "host") => new() { Name = name, Type = type, Value = value };

    [Fact]
    public void The_full_example_is_valid() => Assert.Empty(ZoneValidation.Validate(Valid));

    [Theory]
    [InlineData("")]
    [InlineData("home.arpa.")]
    [InlineData("home arpa")]
    [InlineData("home..arpa")]
    [InlineData("-home.arpa")]
    public void The_domain_must_be_a_dns_name_without_trailing_dot(string domain) =>
        Single(ZoneValidation.Validate(Valid with { Domain = domain, Records = [] }), "spec.domain");

    [Theory]
    [InlineData("A", "192.168.1.10")]
    [InlineData("AAAA", "2001:db8::10")]
    [InlineData("CNAME", "www.home.arpa.")]
    [InlineData("CNAME", "www")]
    [InlineData("TXT", "\"v=spf1 -all\"")]
    [InlineData("TXT", "\"part one\" \"part \\\"two\\\"\"")]
    [InlineData("TXT", "plain")]
    [InlineData("MX", "10 mail.home.arpa.")]
    [InlineData("SRV", "0 5 5060 sip.home.arpa.")]
    [InlineData("SRV", "0 0 0 .")]
    [InlineData("NS", "ns2.example.net.")]
    [InlineData("PTR", "host.home.arpa.")]
    [InlineData("CAA", "0 issue \"letsencrypt.org\"")]
    [InlineData("CAA", "128 iodef \"mailto:security@home.arpa\"")]
    public void Well_formed_record_values_are_accepted(string type, string value) =>
        Assert.Empty(ZoneValidation.Validate(WithRecords(Record(type, value))));

    [Theory]
    [InlineData("A", "300.1.1.1")]
    [InlineData("A", "192.168.1")]
    [InlineData("A", "2001:db8::1")]
    [InlineData("AAAA", "192.168.1.10")]
    [InlineData("CNAME", "two names")]
    [InlineData("CNAME", "bad..name")]
    [InlineData("TXT", "\"unterminated")]
    [InlineData("TXT", "")]
    [InlineData("MX", "mail.home.arpa.")]
    [InlineData("MX", "70000 mail.home.arpa.")]
    [InlineData("SRV", "0 5 70000 sip.home.arpa.")]
    [InlineData("SRV", "0 5 sip.home.arpa.")]
    [InlineData("CAA", "0 issue")]
    [InlineData("CAA", "256 issue \"ca.example\"")]
    [InlineData("CAA", "0 is-sue \"ca.example\"")]
    [InlineData("CAA", "0 issue ca example")]
    public void Malformed_record_values_are_invalid(string type, string value) =>
        Single(ZoneValidation.Validate(WithRecords(Record(type, value))), "spec.records[0].value");

    [Theory]
    [InlineData("MXX")]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("DHCID")]
    public void Only_the_static_record_types_are_accepted(string type) =>
        Single(ZoneValidation.Validate(WithRecords(Record(type, "192.168.1.1"))), "spec.records[0].type");

    [Theory]
    [InlineData("@")]
    [InlineData("www")]
    [InlineData("a.b")]
    [InlineData("_sip._udp")]
    [InlineData("www.home.arpa.")]
    [InlineData("HOME.ARPA.")]
    public void Record_names_inside_the_zone_are_accepted(string name) =>
        Assert.Empty(ZoneValidation.Validate(WithRecords(Record("A", "192.168.1.1", name))));

    [Theory]
    [InlineData("www.example.org.")]
    [InlineData("arpa.")]
    [InlineData("")]
    [InlineData("bad name")]
    public void Record_names_outside_the_zone_or_malformed_are_invalid(string name) =>
        Single(ZoneValidation.Validate(WithRecords(Record("A", "192.168.1.1", name))), "spec.records[0].name");

    [Fact]
    public void A_cname_cannot_sit_at_the_apex() =>
        Single(ZoneValidation.Validate(WithRecords(Record("CNAME", "www.example.org.", "@"))), "spec.records[0].type");

    [Fact]
    public void A_cname_cannot_share_its_name_with_other_records() =>
        Single(ZoneValidation.Validate(WithRecords(Record("A", "192.168.1.1", "www"), Record("CNAME", "other", "WWW.home.arpa."))), "spec.records[1].type");

    [Fact]
    public void Negative_ttls_are_invalid()
    {
        Single(ZoneValidation.Validate(Valid with { Ttl = -1 }), "spec.ttl");
        Single(ZoneValidation.Validate(WithRecords(Record("A", "192.168.1.1") with { Ttl = -5 })), "spec.records[0].ttl");
        Single(ZoneValidation.Validate(Valid with { Soa = Valid.Soa with { Minimum = -1 } }), "spec.soa.minimum");
    }

    [Fact]
    public void Dynamic_updates_need_a_key_when_enabled() =>
        Single(ZoneValidation.Validate(Valid with { DynamicUpdates = new DynamicUpdates { Enabled = true } }), "spec.dynamicUpdates.keys");

    [Fact]
    public void Updatable_record_types_must_be_known() =>
        Single(ZoneValidation.Validate(Valid with { DynamicUpdates = Valid.DynamicUpdates with { RecordTypes = ["A", "XYZ"] } }), "spec.dynamicUpdates.recordTypes[1]");

    [Fact]
    public void Soa_names_must_be_dns_names() =>
        Single(ZoneValidation.Validate(Valid with { Soa = Valid.Soa with { PrimaryNameServer = "ns one" } }), "spec.soa.primaryNameServer");

    [Fact]
    public void Name_servers_must_be_dns_names() =>
        Single(ZoneValidation.Validate(Valid with { NameServers = ["ns1.home.arpa", "ns..home.arpa"] }), "spec.nameServers[1]");

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("10.0.0.5:5353")]
    [InlineData("[2001:db8::5]:53")]
    public void Notify_targets_are_addresses_with_optional_ports(string target) =>
        Assert.Empty(ZoneValidation.Validate(Valid with { Publish = Valid.Publish with { Notify = [target] } }));

    [Fact]
    public void A_notify_target_that_is_not_an_address_is_invalid() =>
        Single(ZoneValidation.Validate(Valid with { Publish = Valid.Publish with { Notify = ["ns.home.arpa:53"] } }), "spec.publish.notify[0]");

    [Fact]
    public void A_publish_mode_outside_the_enum_is_invalid() =>
        Single(ZoneValidation.Validate(Valid with { Publish = Valid.Publish with { Mode = (PublishMode)7 } }), "spec.publish.mode");
}
