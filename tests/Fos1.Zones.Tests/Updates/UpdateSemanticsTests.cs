using Fos1.Ddns.Updates;
using Fos1.Zones.Records;
using static Fos1.Zones.Tests.Sample;

namespace Fos1.Zones.Tests.Updates;

public sealed class UpdateSemanticsTests
{
    private static readonly Rdata Ten = Rdata.A(Ip("192.0.2.10"));
    private static readonly Rdata Eleven = Rdata.A(Ip("192.0.2.11"));

    [Fact]
    public void An_add_creates_the_record_and_bumps_the_serial_once()
    {
        var outcome = Apply(HomeZone(), Request([], [Add("a.home.arpa", 300, Ten), Add("a.home.arpa", 300, Eleven), Add("b.home.arpa", 300, Ten)]));

        Assert.Equal(ResponseCode.NoError, outcome.Code);
        Assert.Equal(101u, outcome.Zone.Serial);
        Assert.Equal(
            [
                "home.arpa. 3600 IN SOA ns1.home.arpa. hostmaster.home.arpa. 101 3600 900 604800 300",
                "home.arpa. 3600 IN NS ns1.home.arpa.",
                "a.home.arpa. 300 IN A 192.0.2.10",
                "a.home.arpa. 300 IN A 192.0.2.11",
                "b.home.arpa. 300 IN A 192.0.2.10",
                "ns1.home.arpa. 3600 IN A 192.0.2.1",
            ],
            Lines(outcome.Zone));
    }

    [Fact]
    public void Adding_an_RR_that_exists_only_replaces_its_TTL()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten));
        var outcome = Apply(zone, Request([], [Add("A.HOME.ARPA", 60, Ten)]));

        Assert.Equal(["a.home.arpa. 60 IN A 192.0.2.10"], outcome.Zone.Find(Name("a.home.arpa"), DnsType.A)!.Records.Select(r => r.ToString()));
        Assert.Equal(101u, outcome.Zone.Serial);
    }

    [Fact]
    public void Adding_an_RR_that_exists_with_the_same_TTL_changes_nothing_and_keeps_the_serial()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten));
        var outcome = Apply(zone, Request([], [Add("a.home.arpa", 300, Ten)]));

        Assert.Equal(ResponseCode.NoError, outcome.Code);
        Assert.Same(zone, outcome.Zone);
        Assert.Null(outcome.Change);
    }

    [Fact]
    public void An_added_RR_brings_its_TTL_to_the_whole_RRset()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten));
        var outcome = Apply(zone, Request([], [Add("a.home.arpa", 900, Eleven)]));

        Assert.Equal(
            ["a.home.arpa. 900 IN A 192.0.2.10", "a.home.arpa. 900 IN A 192.0.2.11"],
            outcome.Zone.Find(Name("a.home.arpa"), DnsType.A)!.Records.Select(r => r.ToString()));
    }

    [Fact]
    public void Duplicate_RRs_in_one_message_collapse_into_one()
    {
        var outcome = Apply(HomeZone(), Request([], [Add("a.home.arpa", 300, Ten), Add("a.home.arpa", 300, Ten)]));
        Assert.Single(outcome.Zone.Find(Name("a.home.arpa"), DnsType.A)!.Data);
    }

    [Fact]
    public void A_CNAME_added_to_a_name_with_other_data_is_ignored()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten));
        var outcome = Apply(zone, Request([], [Add("a.home.arpa", 300, Rdata.Cname(Host))]));

        Assert.Equal(ResponseCode.NoError, outcome.Code);
        Assert.Same(zone, outcome.Zone);
    }

    [Fact]
    public void Other_data_added_to_a_CNAME_name_is_ignored()
    {
        var zone = HomeZone(Rr("alias.home.arpa", 300, Rdata.Cname(Host)));
        var outcome = Apply(zone, Request([], [Add("alias.home.arpa", 300, Ten)]));

        Assert.Same(zone, outcome.Zone);
    }

    [Fact]
    public void A_CNAME_added_to_a_CNAME_name_replaces_it()
    {
        var zone = HomeZone(Rr("alias.home.arpa", 300, Rdata.Cname(Host)));
        var outcome = Apply(zone, Request([], [Add("alias.home.arpa", 60, Rdata.Cname(Ns1))]));

        Assert.Equal(["alias.home.arpa. 60 IN CNAME ns1.home.arpa."], outcome.Zone.Find(Name("alias.home.arpa"), DnsType.Cname)!.Records.Select(r => r.ToString()));
    }

    [Fact]
    public void A_CNAME_may_follow_the_deletion_of_the_other_data_in_the_same_message()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten));
        var outcome = Apply(zone, Request([], [DeleteName("a.home.arpa"), Add("a.home.arpa", 300, Rdata.Cname(Host))]));

        Assert.Equal(["a.home.arpa. 300 IN CNAME host.home.arpa."], outcome.Zone.At(Name("a.home.arpa")).SelectMany(s => s.Records).Select(r => r.ToString()));
    }

    [Fact]
    public void An_SOA_with_a_newer_serial_replaces_the_SOA_and_is_not_bumped_again()
    {
        var newer = Soa with { Serial = 5000, Refresh = 7200 };
        var outcome = Apply(HomeZone(), Request([], [Add("home.arpa", 3600, newer.ToRdata())]));

        Assert.Equal(newer, outcome.Zone.Soa);
        Assert.Equal(100u, outcome.Change!.FromSerial);
        Assert.Equal(5000u, outcome.Change.ToSerial);
    }

    [Fact]
    public void An_SOA_with_an_older_serial_is_ignored()
    {
        var zone = HomeZone();
        var outcome = Apply(zone, Request([], [Add("home.arpa", 3600, (Soa with { Serial = 99, Refresh = 1 }).ToRdata())]));
        Assert.Same(zone, outcome.Zone);
    }

    [Fact]
    public void An_SOA_serial_compares_by_RFC_1982_so_a_wrapped_serial_is_newer()
    {
        var zone = Fos1.Zones.Zone.Create(Origin, [new(Origin, 3600, (Soa with { Serial = 0xFFFF_FFF0 }).ToRdata()), new(Origin, 3600, Rdata.Ns(Ns1))]);
        var outcome = Apply(zone, Request([], [Add("home.arpa", 3600, (Soa with { Serial = 5 }).ToRdata())]));
        Assert.Equal(5u, outcome.Zone.Serial);
    }

    [Fact]
    public void An_SOA_with_the_same_serial_replaces_the_other_fields_and_then_gets_the_next_serial()
    {
        var outcome = Apply(HomeZone(), Request([], [Add("home.arpa", 3600, (Soa with { Minimum = 60 }).ToRdata())]));
        Assert.Equal(Soa with { Minimum = 60, Serial = 101 }, outcome.Zone.Soa);
    }

    [Fact]
    public void An_SOA_added_below_the_apex_is_ignored()
    {
        var zone = HomeZone();
        Assert.Same(zone, Apply(zone, Request([], [Add("sub.home.arpa", 3600, (Soa with { Serial = 500 }).ToRdata())])).Zone);
    }

    [Fact]
    public void Deleting_an_RRset_removes_all_its_records_and_only_them()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten), Rr("a.home.arpa", 300, Eleven), Rr("a.home.arpa", 300, Rdata.Txt("x")));
        var outcome = Apply(zone, Request([], [DeleteRRset("a.home.arpa", DnsType.A)]));

        Assert.Equal(["a.home.arpa. 300 IN TXT \"x\""], outcome.Zone.At(Name("a.home.arpa")).SelectMany(s => s.Records).Select(r => r.ToString()));
    }

    [Fact]
    public void Deleting_all_RRsets_at_a_name_removes_the_name()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten), Rr("a.home.arpa", 300, Rdata.Txt("x")));
        var outcome = Apply(zone, Request([], [DeleteName("a.home.arpa")]));

        Assert.False(outcome.Zone.HasName(Name("a.home.arpa")));
        Assert.Equal(101u, outcome.Zone.Serial);
    }

    [Fact]
    public void Deleting_all_RRsets_at_the_apex_keeps_the_SOA_and_NS()
    {
        var zone = HomeZone(Rr("home.arpa", 300, Rdata.Txt("apex")), Rr("home.arpa", 300, Rdata.Mx(10, Ns1)));
        var outcome = Apply(zone, Request([], [DeleteName("home.arpa")]));

        Assert.Equal([DnsType.Soa, DnsType.Ns], outcome.Zone.At(Origin).Select(s => s.Type));
        Assert.Equal(101u, outcome.Zone.Serial);
    }

    [Fact]
    public void Deleting_the_apex_SOA_or_NS_RRset_is_ignored()
    {
        var zone = HomeZone();
        var outcome = Apply(zone, Request([], [DeleteRRset("home.arpa", DnsType.Soa), DeleteRRset("home.arpa", DnsType.Ns)]));
        Assert.Same(zone, outcome.Zone);
        Assert.Equal(ResponseCode.NoError, outcome.Code);
    }

    [Fact]
    public void A_delegation_NS_RRset_below_the_apex_can_be_deleted()
    {
        var zone = HomeZone(Rr("sub.home.arpa", 3600, Rdata.Ns(Name("ns.example.org"))));
        var outcome = Apply(zone, Request([], [DeleteRRset("sub.home.arpa", DnsType.Ns)]));
        Assert.False(outcome.Zone.HasName(Name("sub.home.arpa")));
    }

    [Fact]
    public void Deleting_one_RR_leaves_the_rest_of_its_RRset()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten), Rr("a.home.arpa", 300, Eleven));
        var outcome = Apply(zone, Request([], [DeleteRr("a.home.arpa", Ten)]));
        Assert.Equal(["a.home.arpa. 300 IN A 192.0.2.11"], outcome.Zone.Find(Name("a.home.arpa"), DnsType.A)!.Records.Select(r => r.ToString()));
    }

    [Fact]
    public void Deleting_an_RR_that_is_not_there_changes_nothing()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten));
        var outcome = Apply(zone, Request([], [DeleteRr("a.home.arpa", Eleven), DeleteRr("b.home.arpa", Ten), DeleteRRset("c.home.arpa", DnsType.A)]));
        Assert.Same(zone, outcome.Zone);
        Assert.Equal(ResponseCode.NoError, outcome.Code);
    }

    [Fact]
    public void The_last_apex_NS_is_never_deleted_but_one_of_two_is()
    {
        var zone = HomeZone();
        Assert.Same(zone, Apply(zone, Request([], [DeleteRr("home.arpa", Rdata.Ns(Ns1))])).Zone);

        var two = HomeZone(Rr("home.arpa", 3600, Rdata.Ns(Name("ns2.example.org"))));
        var outcome = Apply(two, Request([], [DeleteRr("home.arpa", Rdata.Ns(Ns1))]));
        Assert.Equal(["home.arpa. 3600 IN NS ns2.example.org."], outcome.Zone.Find(Origin, DnsType.Ns)!.Records.Select(r => r.ToString()));
    }

    [Fact]
    public void Deleting_the_SOA_RR_is_ignored()
    {
        var zone = HomeZone();
        Assert.Same(zone, Apply(zone, Request([], [DeleteRr("home.arpa", Soa.ToRdata())])).Zone);
    }

    [Fact]
    public void Updates_apply_in_order_so_an_add_after_a_delete_survives()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten));
        var outcome = Apply(zone, Request([], [DeleteRRset("a.home.arpa", DnsType.A), Add("a.home.arpa", 300, Eleven)]));
        Assert.Equal(["a.home.arpa. 300 IN A 192.0.2.11"], outcome.Zone.Find(Name("a.home.arpa"), DnsType.A)!.Records.Select(r => r.ToString()));
    }

    [Fact]
    public void An_add_then_delete_of_the_same_RR_changes_nothing_and_keeps_the_serial()
    {
        var zone = HomeZone();
        var outcome = Apply(zone, Request([], [Add("a.home.arpa", 300, Ten), DeleteRr("a.home.arpa", Ten)]));
        Assert.Same(zone, outcome.Zone);
        Assert.Null(outcome.Change);
    }

    [Fact]
    public void The_serial_wraps_from_its_maximum_to_zero()
    {
        var zone = Fos1.Zones.Zone.Create(Origin, [new(Origin, 3600, (Soa with { Serial = uint.MaxValue }).ToRdata()), new(Origin, 3600, Rdata.Ns(Ns1))]);
        Assert.Equal(0u, Apply(zone, Request([], [Add("a.home.arpa", 300, Ten)])).Zone.Serial);
    }

    [Fact]
    public void The_original_version_is_unchanged_after_an_update()
    {
        var zone = HomeZone();
        var before = Lines(zone);
        _ = Apply(zone, Request([], [Add("a.home.arpa", 300, Ten), DeleteName("ns1.home.arpa")]));
        Assert.Equal(before, Lines(zone));
    }
}
