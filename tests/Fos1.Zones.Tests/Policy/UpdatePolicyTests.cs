using Fos1.Ddns.Updates;
using Fos1.Zones.Policy;
using Fos1.Zones.Records;
using Fos1.Zones.Updates;
using static Fos1.Zones.Tests.Sample;

namespace Fos1.Zones.Tests.Policy;

public sealed class UpdatePolicyTests
{
    private static readonly Rdata Ten = Rdata.A(Ip("192.0.2.10"));
    private static readonly Fos1.Ddns.DnsName Other = Name("other-key");

    [Fact]
    public void An_unsigned_update_is_refused_by_default()
    {
        var zone = HomeZone();
        AssertRejected(ResponseCode.Refused, zone, Send(zone, DefaultPolicy, signer: null, Add("a.home.arpa", 300, Ten)));
    }

    [Fact]
    public void An_unsigned_update_is_refused_before_its_prerequisites_can_reveal_anything()
    {
        var zone = HomeZone();
        var outcome = UpdateProcessor.Apply(zone, Request([NameNotInUse("ns1.home.arpa")], []), DefaultPolicy, null);
        AssertRejected(ResponseCode.Refused, zone, outcome);
    }

    [Fact]
    public void An_anonymous_grant_counts_only_when_the_policy_allows_anonymous_updates()
    {
        var zone = HomeZone();
        var grant = UpdateGrant.ForKey(null, Origin, new AnyNameInZone());
        AssertRejected(ResponseCode.Refused, zone, Send(zone, new UpdatePolicy([grant]), null, Add("a.home.arpa", 300, Ten)));
        Assert.Equal(ResponseCode.NoError, Send(zone, new UpdatePolicy([grant], AllowAnonymous: true), null, Add("a.home.arpa", 300, Ten)).Code);
    }

    [Fact]
    public void Allowing_anonymous_updates_without_an_anonymous_grant_still_refuses_them()
    {
        var zone = HomeZone();
        AssertRejected(ResponseCode.Refused, zone, Send(zone, DefaultPolicy with { AllowAnonymous = true }, null, Add("a.home.arpa", 300, Ten)));
    }

    [Fact]
    public void A_key_without_a_grant_for_the_zone_is_refused()
    {
        var zone = HomeZone();
        AssertRejected(ResponseCode.Refused, zone, Send(zone, DefaultPolicy, Other, Add("a.home.arpa", 300, Ten)));
    }

    [Fact]
    public void Key_names_match_case_insensitively()
    {
        Assert.Equal(ResponseCode.NoError, Send(HomeZone(), DefaultPolicy, Name("KEA-DDNS"), Add("a.home.arpa", 300, Ten)).Code);
    }

    [Fact]
    public void A_type_outside_the_grant_refuses_the_whole_message()
    {
        var zone = HomeZone();
        var outcome = Send(zone, DefaultPolicy, Key, Add("a.home.arpa", 300, Ten), Add("a.home.arpa", 300, Rdata.Cname(Host)));
        AssertRejected(ResponseCode.Refused, zone, outcome);
    }

    [Theory]
    [InlineData(DnsType.Ns)]
    [InlineData(DnsType.Soa)]
    [InlineData(DnsType.Mx)]
    [InlineData(DnsType.Srv)]
    public void The_default_types_exclude_infrastructure_records(ushort type)
    {
        var zone = HomeZone();
        AssertRejected(ResponseCode.Refused, zone, Send(zone, DefaultPolicy, Key, DeleteRRset("a.home.arpa", type)));
    }

    [Fact]
    public void The_default_types_are_A_AAAA_PTR_DHCID_and_TXT()
    {
        Assert.Equal(
            new ushort[] { DnsType.A, DnsType.Ptr, DnsType.Txt, DnsType.Aaaa, DnsType.Dhcid },
            UpdateGrant.DefaultTypes.Order().ToArray());
    }

    [Fact]
    public void An_exact_name_grant_covers_only_that_name()
    {
        var zone = HomeZone();
        var policy = new UpdatePolicy([UpdateGrant.ForKey(Key, Origin, NamePattern.Parse("printer.home.arpa"))]);
        Assert.Equal(ResponseCode.NoError, Send(zone, policy, Key, Add("PRINTER.home.arpa", 300, Ten)).Code);
        AssertRejected(ResponseCode.Refused, zone, Send(zone, policy, Key, Add("x.printer.home.arpa", 300, Ten)));
    }

    [Fact]
    public void A_star_suffix_grant_covers_names_strictly_below_the_suffix()
    {
        var zone = HomeZone();
        var policy = new UpdatePolicy([UpdateGrant.ForKey(Key, Origin, NamePattern.Parse("*.dyn.home.arpa"))]);
        Assert.Equal(ResponseCode.NoError, Send(zone, policy, Key, Add("a.dyn.home.arpa", 300, Ten)).Code);
        Assert.Equal(ResponseCode.NoError, Send(zone, policy, Key, Add("b.a.dyn.home.arpa", 300, Ten)).Code);
        AssertRejected(ResponseCode.Refused, zone, Send(zone, policy, Key, Add("dyn.home.arpa", 300, Ten)));
        AssertRejected(ResponseCode.Refused, zone, Send(zone, policy, Key, Add("xdyn.home.arpa", 300, Ten)));
    }

    [Fact]
    public void A_star_grant_covers_every_name_of_the_zone()
    {
        var pattern = NamePattern.Parse("*");
        Assert.True(pattern.Matches(Origin, Origin));
        Assert.True(pattern.Matches(Name("a.b.home.arpa"), Origin));
    }

    [Fact]
    public void Deleting_a_whole_name_needs_permission_for_every_type_it_holds()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten), Rr("a.home.arpa", 300, Rdata.Mx(10, Ns1)));
        AssertRejected(ResponseCode.Refused, zone, Send(zone, DefaultPolicy, Key, DeleteName("a.home.arpa")));

        var plain = HomeZone(Rr("a.home.arpa", 300, Ten), Rr("a.home.arpa", 300, Rdata.Txt("t")));
        Assert.Equal(ResponseCode.NoError, Send(plain, DefaultPolicy, Key, DeleteName("a.home.arpa")).Code);
    }

    [Fact]
    public void Deleting_everything_at_the_apex_ignores_the_protected_SOA_and_NS_when_checking_policy()
    {
        var zone = HomeZone(Rr("home.arpa", 300, Rdata.Txt("apex")));
        var outcome = Send(zone, DefaultPolicy, Key, DeleteName("home.arpa"));
        Assert.Equal(ResponseCode.NoError, outcome.Code);
        Assert.Null(outcome.Zone.Find(Origin, DnsType.Txt));
    }

    [Fact]
    public void A_grant_for_one_zone_does_not_reach_another()
    {
        var zone = ReverseZone();
        var policy = new UpdatePolicy([UpdateGrant.ForKey(Key, Origin, new AnyNameInZone())]);
        AssertRejected(ResponseCode.Refused, zone, UpdateProcessor.Apply(
            zone, Request([], [Add("10.2.0.192.in-addr.arpa", 300, Rdata.Ptr(Host))], ReverseOrigin), policy, Key));
    }

    private static UpdateOutcome Send(Zone zone, UpdatePolicy policy, Fos1.Ddns.DnsName? signer, params RawRecord[] updates) =>
        UpdateProcessor.Apply(zone, Request([], updates), policy, signer);
}
