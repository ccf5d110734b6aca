using System.Net;
using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Planning;
using Fos1.Ddns.Updates;
using Fos1.Zones.Records;
using Fos1.Zones.StaticRecords;
using Fos1.Zones.Text;
using Fos1.Zones.Updates;
using static Fos1.Zones.Tests.Sample;

namespace Fos1.Zones.Tests.StaticRecords;

public sealed class StaticRecordSyncTests
{
    private static readonly Dhcid Client = new([0x00, 0x01, 0x01, 0xAA, 0xBB, 0xCC]);

    private static StaticRecordSet Static(uint refresh = 3600, params ResourceRecord[] records) => new(
        Origin, Soa with { Refresh = refresh }, 3600, [new ResourceRecord(Origin, 3600, Rdata.Ns(Ns1)), Rr("ns1.home.arpa", 3600, Rdata.A(Ip("192.0.2.1"))), .. records]);

    private static string[] Lines(IEnumerable<ResourceRecord> records) => [.. records.Select(r => r.ToString())];

    private static NameChange Lease(string address) => new(NameChangeKind.Add, true, true, Name("www.home.arpa"), IPAddress.Parse(address), Client, 600, true, null);

    [Fact]
    public void A_changed_static_record_replaces_exactly_its_RRset_and_keeps_dynamic_records()
    {
        var previous = Static(records: Rr("www.home.arpa", 300, Rdata.A(Ip("192.0.2.10"))));
        var zone = previous.ToZone(100);
        zone = UpdateProcessor.Apply(zone, PlannedUpdates.ToRequest(UpdatePlans.ForwardAdd(Origin, Lease("192.0.2.50") with { Fqdn = Name("laptop.home.arpa") })), DefaultPolicy, Key).Zone;
        var desired = Static(records: Rr("www.home.arpa", 300, Rdata.A(Ip("192.0.2.11"))));

        var entry = StaticRecordSync.Plan(zone, previous, desired)!;

        Assert.Equal(["home.arpa. 3600 IN SOA ns1.home.arpa. hostmaster.home.arpa. 101 3600 900 604800 300", "www.home.arpa. 300 IN A 192.0.2.10"], Lines(entry.Removed));
        Assert.Equal(["home.arpa. 3600 IN SOA ns1.home.arpa. hostmaster.home.arpa. 102 3600 900 604800 300", "www.home.arpa. 300 IN A 192.0.2.11"], Lines(entry.Added));
        var next = zone.Apply(entry);
        Assert.Equal(2, next.At(Name("laptop.home.arpa")).Count);
    }

    [Fact]
    public void A_record_the_previous_version_named_and_the_new_one_does_not_is_deleted()
    {
        var previous = Static(records: [Rr("www.home.arpa", 300, Rdata.A(Ip("192.0.2.10"))), Rr("old.home.arpa", 300, Rdata.Txt("gone"))]);
        var zone = previous.ToZone(5);

        var entry = StaticRecordSync.Plan(zone, previous, Static(records: Rr("www.home.arpa", 300, Rdata.A(Ip("192.0.2.10")))))!;

        Assert.Equal(["home.arpa. 3600 IN SOA ns1.home.arpa. hostmaster.home.arpa. 5 3600 900 604800 300", "old.home.arpa. 300 IN TXT \"gone\""], Lines(entry.Removed));
        Assert.Equal(["home.arpa. 3600 IN SOA ns1.home.arpa. hostmaster.home.arpa. 6 3600 900 604800 300"], Lines(entry.Added));
    }

    [Fact]
    public void SOA_fields_and_name_servers_come_from_the_resource_and_the_serial_goes_up_once()
    {
        var previous = Static();
        var zone = previous.ToZone(41);
        var desired = Static(refresh: 7200) with { Records = [new ResourceRecord(Origin, 60, Rdata.Ns(Name("ns2.home.arpa")))] };

        var next = zone.Apply(StaticRecordSync.Plan(zone, previous, desired)!);

        Assert.Equal(
            ["home.arpa. 3600 IN SOA ns1.home.arpa. hostmaster.home.arpa. 42 7200 900 604800 300", "home.arpa. 60 IN NS ns2.home.arpa."],
            Lines(next.Records));
    }

    [Fact]
    public void An_unchanged_resource_plans_nothing()
    {
        var set = Static(records: Rr("www.home.arpa", 300, Rdata.A(Ip("192.0.2.10"))));
        Assert.Null(StaticRecordSync.Plan(set.ToZone(9), set, set));
        Assert.Null(StaticRecordSync.Plan(set.ToZone(9), null, set));
    }

    [Fact]
    public void Static_wins_over_a_DHCP_client_holding_the_name_and_the_client_then_gets_a_conflict()
    {
        var previous = Static();
        var zone = UpdateProcessor.Apply(previous.ToZone(100), PlannedUpdates.ToRequest(UpdatePlans.ForwardAdd(Origin, Lease("192.0.2.50"))), DefaultPolicy, Key).Zone;
        Assert.Equal(2, zone.At(Name("www.home.arpa")).Count);

        var desired = Static(records: Rr("www.home.arpa", 300, Rdata.A(Ip("192.0.2.10"))));
        var next = zone.Apply(StaticRecordSync.Plan(zone, previous, desired)!);

        Assert.Equal(["www.home.arpa. 300 IN A 192.0.2.10"], Lines(next.At(Name("www.home.arpa")).SelectMany(s => s.Records)));
        var add = UpdateProcessor.Apply(next, PlannedUpdates.ToRequest(UpdatePlans.ForwardAdd(Origin, Lease("192.0.2.51"))), DefaultPolicy, Key);
        Assert.Equal(ResponseCode.YxDomain, add.Code);
        var replace = UpdateProcessor.Apply(next, PlannedUpdates.ToRequest(UpdatePlans.ForwardReplace(Origin, Lease("192.0.2.51"))), DefaultPolicy, Key);
        Assert.Equal(ResponseCode.NxRrset, replace.Code);
        Assert.Same(next, replace.Zone);
    }

    [Fact]
    public void A_static_name_cannot_be_taken_by_a_DHCP_client_afterwards_either()
    {
        var zone = Static(records: Rr("www.home.arpa", 300, Rdata.A(Ip("192.0.2.10")))).ToZone(1);
        var add = UpdateProcessor.Apply(zone, PlannedUpdates.ToRequest(UpdatePlans.ForwardAdd(Origin, Lease("192.0.2.51"))), DefaultPolicy, Key);
        Assert.Equal(ResponseCode.YxDomain, add.Code);
    }

    [Fact]
    public void The_set_round_trips_through_its_text()
    {
        var set = Static(records: [Rr("www.home.arpa", 300, Rdata.A(Ip("192.0.2.10"))), Rr("home.arpa", 300, Rdata.Mx(10, Name("mail.home.arpa")))]);
        var parsed = StaticRecordSet.Parse(set.ToText(), Origin);
        Assert.Equal(set.ToZone(3), parsed.ToZone(3));
        Assert.Equal(set.RRsetKeys, parsed.RRsetKeys);
    }

    [Theory]
    [InlineData("MX", "10 mail", "home.arpa. 300 IN MX 10 mail.home.arpa.")]
    [InlineData("TXT", "\"v=spf1 -all\"", "home.arpa. 300 IN TXT \"v=spf1 -all\"")]
    [InlineData("SRV", "0 5 5060 sip.home.arpa.", "home.arpa. 300 IN SRV 0 5 5060 sip.home.arpa.")]
    public void A_record_value_in_presentation_format_parses(string type, string value, string line)
    {
        Assert.Equal(line, RecordText.Parse(Origin, 300, type, value, Origin).ToString());
    }

    [Theory]
    [InlineData("A", "192.0.2.1\nwww 300 IN A 192.0.2.2")]
    [InlineData("SOA", "x")]
    [InlineData("NOPE", "x")]
    [InlineData("A", "")]
    public void A_record_value_that_is_not_one_record_is_refused(string type, string value)
    {
        Assert.Throws<FormatException>(() => RecordText.Parse(Origin, 300, type, value, Origin));
    }
}
