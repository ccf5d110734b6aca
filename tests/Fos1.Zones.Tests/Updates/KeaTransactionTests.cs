using System.Net;
using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Planning;
using Fos1.Ddns.Updates;
using Fos1.Zones.Records;
using Fos1.Zones.Updates;
using static Fos1.Zones.Tests.Sample;

namespace Fos1.Zones.Tests.Updates;

/// <summary>The RFC 4703 transactions Kea D2 sends (built by the kea sidecar's own planner) against this server.</summary>
public sealed class KeaTransactionTests
{
    private static readonly Dhcid Mine = new([0x00, 0x01, 0x01, 0xAA, 0xBB, 0xCC]);
    private static readonly Dhcid Theirs = new([0x00, 0x01, 0x01, 0x11, 0x22, 0x33]);
    private const string MineBase64 = "AAEBqrvM";

    private static NameChange Change(string address, Dhcid dhcid, NameChangeKind kind = NameChangeKind.Add) =>
        new(kind, true, true, Host, IPAddress.Parse(address), dhcid, 600, true, null);

    private static UpdateOutcome Send(Zone zone, UpdateMessagePlan plan) =>
        UpdateProcessor.Apply(zone, PlannedUpdates.ToRequest(plan), DefaultPolicy, Key);

    private static string[] At(Zone zone, string name) =>
        [.. zone.At(Name(name)).SelectMany(s => s.Records).Select(r => r.ToString())];

    [Fact]
    public void Forward_add_claims_a_free_name_with_its_address_and_DHCID()
    {
        var outcome = Send(HomeZone(), UpdatePlans.ForwardAdd(Origin, Change("192.0.2.10", Mine)));

        Assert.Equal(ResponseCode.NoError, outcome.Code);
        Assert.Equal(["host.home.arpa. 600 IN A 192.0.2.10", $"host.home.arpa. 600 IN DHCID {MineBase64}"], At(outcome.Zone, "host.home.arpa"));
        Assert.Equal(101u, outcome.Zone.Serial);
    }

    [Fact]
    public void Forward_add_on_a_name_in_use_is_YXDOMAIN()
    {
        var zone = Send(HomeZone(), UpdatePlans.ForwardAdd(Origin, Change("192.0.2.10", Theirs))).Zone;
        AssertRejected(ResponseCode.YxDomain, zone, Send(zone, UpdatePlans.ForwardAdd(Origin, Change("192.0.2.20", Mine))));
    }

    [Fact]
    public void Forward_replace_with_my_DHCID_swaps_the_address_of_that_family_only()
    {
        var zone = Send(HomeZone(), UpdatePlans.ForwardAdd(Origin, Change("192.0.2.10", Mine))).Zone;
        zone = Send(zone, UpdatePlans.ForwardReplace(Origin, Change("2001:db8::10", Mine))).Zone;
        var outcome = Send(zone, UpdatePlans.ForwardReplace(Origin, Change("192.0.2.20", Mine)));

        Assert.Equal(ResponseCode.NoError, outcome.Code);
        Assert.Equal(
            ["host.home.arpa. 600 IN A 192.0.2.20", "host.home.arpa. 600 IN AAAA 2001:db8::10", $"host.home.arpa. 600 IN DHCID {MineBase64}"],
            At(outcome.Zone, "host.home.arpa"));
        Assert.Equal(103u, outcome.Zone.Serial);
    }

    [Fact]
    public void Forward_replace_of_someone_elses_name_is_NXRRSET()
    {
        var zone = Send(HomeZone(), UpdatePlans.ForwardAdd(Origin, Change("192.0.2.10", Theirs))).Zone;
        AssertRejected(ResponseCode.NxRrset, zone, Send(zone, UpdatePlans.ForwardReplace(Origin, Change("192.0.2.20", Mine))));
    }

    [Fact]
    public void Forward_replace_of_a_vanished_name_is_NXDOMAIN()
    {
        var zone = HomeZone();
        AssertRejected(ResponseCode.NxDomain, zone, Send(zone, UpdatePlans.ForwardReplace(Origin, Change("192.0.2.20", Mine))));
    }

    [Fact]
    public void Reverse_replace_overwrites_whatever_the_reverse_name_held()
    {
        var reverse = "10.2.0.192.in-addr.arpa";
        var zone = ReverseZone(Rr(reverse, 60, Rdata.Ptr(Name("old.home.arpa"))), Rr(reverse, 60, Rdata.Dhcid(Theirs)));
        var outcome = Send(zone, UpdatePlans.ReverseReplace(ReverseOrigin, Change("192.0.2.10", Mine)));

        Assert.Equal(ResponseCode.NoError, outcome.Code);
        Assert.Equal([$"{reverse}. 600 IN PTR host.home.arpa.", $"{reverse}. 600 IN DHCID {MineBase64}"], At(outcome.Zone, reverse));
        Assert.Equal(8u, outcome.Zone.Serial);
    }

    [Fact]
    public void Forward_remove_address_deletes_my_address_only()
    {
        var zone = Send(HomeZone(), UpdatePlans.ForwardAdd(Origin, Change("192.0.2.10", Mine))).Zone;
        zone = Send(zone, UpdatePlans.ForwardReplace(Origin, Change("2001:db8::10", Mine))).Zone;
        var outcome = Send(zone, UpdatePlans.ForwardRemoveAddress(Origin, Change("192.0.2.10", Mine, NameChangeKind.Remove)));

        Assert.Equal(["host.home.arpa. 600 IN AAAA 2001:db8::10", $"host.home.arpa. 600 IN DHCID {MineBase64}"], At(outcome.Zone, "host.home.arpa"));
    }

    [Fact]
    public void Forward_remove_name_is_YXRRSET_while_the_other_family_remains()
    {
        var zone = Send(HomeZone(), UpdatePlans.ForwardAdd(Origin, Change("192.0.2.10", Mine))).Zone;
        zone = Send(zone, UpdatePlans.ForwardReplace(Origin, Change("2001:db8::10", Mine))).Zone;
        zone = Send(zone, UpdatePlans.ForwardRemoveAddress(Origin, Change("192.0.2.10", Mine, NameChangeKind.Remove))).Zone;

        AssertRejected(ResponseCode.YxRrset, zone, Send(zone, UpdatePlans.ForwardRemoveName(Origin, Change("192.0.2.10", Mine, NameChangeKind.Remove))));
    }

    [Fact]
    public void Forward_remove_name_deletes_the_name_once_no_address_is_left()
    {
        var zone = Send(HomeZone(), UpdatePlans.ForwardAdd(Origin, Change("192.0.2.10", Mine))).Zone;
        zone = Send(zone, UpdatePlans.ForwardRemoveAddress(Origin, Change("192.0.2.10", Mine, NameChangeKind.Remove))).Zone;
        var outcome = Send(zone, UpdatePlans.ForwardRemoveName(Origin, Change("192.0.2.10", Mine, NameChangeKind.Remove)));

        Assert.Equal(ResponseCode.NoError, outcome.Code);
        Assert.False(outcome.Zone.HasName(Host));
        Assert.Equal(Lines(HomeZone()).Skip(1), Lines(outcome.Zone).Skip(1));
        Assert.Equal(103u, outcome.Zone.Serial);
    }

    [Fact]
    public void Forward_remove_of_someone_elses_name_is_NXRRSET()
    {
        var zone = Send(HomeZone(), UpdatePlans.ForwardAdd(Origin, Change("192.0.2.10", Theirs))).Zone;
        AssertRejected(ResponseCode.NxRrset, zone, Send(zone, UpdatePlans.ForwardRemoveAddress(Origin, Change("192.0.2.10", Mine, NameChangeKind.Remove))));
    }

    [Fact]
    public void Reverse_remove_deletes_the_reverse_name_only_while_it_points_to_me()
    {
        var reverse = "10.2.0.192.in-addr.arpa";
        var zone = ReverseZone(Rr(reverse, 600, Rdata.Ptr(Name("other.home.arpa"))));
        AssertRejected(ResponseCode.NxRrset, zone, Send(zone, UpdatePlans.ReverseRemove(ReverseOrigin, Change("192.0.2.10", Mine, NameChangeKind.Remove))));

        var mine = ReverseZone(Rr(reverse, 600, Rdata.Ptr(Host)), Rr(reverse, 600, Rdata.Dhcid(Mine)));
        var outcome = Send(mine, UpdatePlans.ReverseRemove(ReverseOrigin, Change("192.0.2.10", Mine, NameChangeKind.Remove)));
        Assert.Equal(ResponseCode.NoError, outcome.Code);
        Assert.Empty(At(outcome.Zone, reverse));
    }

    [Fact]
    public void Simple_mode_overwrites_and_removes_without_looking_at_the_owner()
    {
        var zone = Send(HomeZone(), UpdatePlans.ForwardAdd(Origin, Change("192.0.2.10", Theirs))).Zone;
        zone = Send(zone, UpdatePlans.SimpleForwardReplace(Origin, Change("192.0.2.20", Mine))).Zone;
        Assert.Equal(["host.home.arpa. 600 IN A 192.0.2.20", $"host.home.arpa. 600 IN DHCID {MineBase64}"], At(zone, "host.home.arpa"));

        zone = Send(zone, UpdatePlans.SimpleForwardRemove(Origin, Change("192.0.2.20", Mine, NameChangeKind.Remove))).Zone;
        Assert.Empty(At(zone, "host.home.arpa"));
    }

    [Fact]
    public void The_planned_request_encodes_each_section_as_RFC_2136_says()
    {
        var request = PlannedUpdates.ToRequest(UpdatePlans.ForwardRemoveName(Origin, Change("192.0.2.10", Mine, NameChangeKind.Remove)));

        Assert.Equal([new ZoneSection(Origin, DnsType.Soa, DnsClass.In)], request.Zone);
        Assert.Equal(
            [(DnsType.Dhcid, DnsClass.In, 6), (DnsType.A, DnsClass.None, 0), (DnsType.Aaaa, DnsClass.None, 0)],
            request.Prerequisites.Select(p => (p.Type, p.Class, p.Rdata.Length)));
        Assert.Equal([(DnsType.Any, DnsClass.Any, 0u, 0)], request.Updates.Select(u => (u.Type, u.Class, u.Ttl, u.Rdata.Length)));
    }
}
