using Fos1.Ddns.Updates;
using Fos1.Zones.Records;
using Fos1.Zones.Updates;
using static Fos1.Zones.Tests.Sample;

namespace Fos1.Zones.Tests.Updates;

public sealed class PrerequisiteTests
{
    private static readonly Rdata Ten = Rdata.A(Ip("192.0.2.10"));
    private static readonly Rdata Eleven = Rdata.A(Ip("192.0.2.11"));
    private static readonly RawRecord AnAdd = Add("new.home.arpa", 300, Rdata.A(Ip("192.0.2.99")));

    private static Zone WithHost() => HomeZone(Rr("host.home.arpa", 600, Ten), Rr("host.home.arpa", 600, Eleven));

    private static UpdateOutcome Check(Zone zone, params RawRecord[] prerequisites) => Apply(zone, Request(prerequisites, [AnAdd]));

    [Fact]
    public void Name_is_in_use_holds_when_the_name_owns_any_record()
    {
        Assert.Equal(ResponseCode.NoError, Check(WithHost(), NameInUse("HOST.home.arpa")).Code);
    }

    [Fact]
    public void Name_is_in_use_fails_with_NXDOMAIN_for_a_name_without_records()
    {
        var zone = WithHost();
        AssertRejected(ResponseCode.NxDomain, zone, Check(zone, NameInUse("other.home.arpa")));
    }

    [Fact]
    public void An_empty_non_terminal_is_not_in_use()
    {
        var zone = HomeZone(Rr("a.b.home.arpa", 600, Ten));
        AssertRejected(ResponseCode.NxDomain, zone, Check(zone, NameInUse("b.home.arpa")));
    }

    [Fact]
    public void Name_is_not_in_use_fails_with_YXDOMAIN_when_the_name_owns_records()
    {
        var zone = WithHost();
        AssertRejected(ResponseCode.YxDomain, zone, Check(zone, NameNotInUse("host.home.arpa")));
    }

    [Fact]
    public void RRset_exists_fails_with_NXRRSET_when_the_name_has_no_such_type()
    {
        var zone = WithHost();
        Assert.Equal(ResponseCode.NoError, Check(zone, RRsetExists("host.home.arpa", DnsType.A)).Code);
        AssertRejected(ResponseCode.NxRrset, zone, Check(zone, RRsetExists("host.home.arpa", DnsType.Aaaa)));
    }

    [Fact]
    public void RRset_does_not_exist_fails_with_YXRRSET_when_it_does()
    {
        var zone = WithHost();
        Assert.Equal(ResponseCode.NoError, Check(zone, RRsetAbsent("host.home.arpa", DnsType.Aaaa)).Code);
        AssertRejected(ResponseCode.YxRrset, zone, Check(zone, RRsetAbsent("host.home.arpa", DnsType.A)));
    }

    [Fact]
    public void A_value_dependent_RRset_must_equal_the_zone_RRset_as_a_set()
    {
        var zone = WithHost();
        Assert.Equal(ResponseCode.NoError, Check(zone, RRsetIs("host.home.arpa", Eleven), RRsetIs("host.home.arpa", Ten)).Code);
        Assert.Equal(ResponseCode.NoError, Check(zone, RRsetIs("host.home.arpa", Ten), RRsetIs("host.home.arpa", Eleven), RRsetIs("host.home.arpa", Ten)).Code);
    }

    [Fact]
    public void A_value_dependent_subset_of_the_RRset_is_NXRRSET()
    {
        var zone = WithHost();
        AssertRejected(ResponseCode.NxRrset, zone, Check(zone, RRsetIs("host.home.arpa", Ten)));
    }

    [Fact]
    public void A_value_dependent_superset_of_the_RRset_is_NXRRSET()
    {
        var zone = WithHost();
        var twelve = Rdata.A(Ip("192.0.2.12"));
        AssertRejected(ResponseCode.NxRrset, zone, Check(zone, RRsetIs("host.home.arpa", Ten), RRsetIs("host.home.arpa", Eleven), RRsetIs("host.home.arpa", twelve)));
    }

    [Fact]
    public void Value_dependent_comparison_of_names_in_RDATA_ignores_case()
    {
        var zone = HomeZone(Rr("alias.home.arpa", 600, Rdata.Cname(Name("Target.Home.Arpa"))));
        Assert.Equal(ResponseCode.NoError, Check(zone, RRsetIs("ALIAS.home.arpa", Rdata.Cname(Name("target.home.arpa")))).Code);
    }

    [Fact]
    public void A_prerequisite_with_a_TTL_is_a_format_error()
    {
        var zone = WithHost();
        AssertRejected(ResponseCode.FormErr, zone, Check(zone, NameInUse("host.home.arpa") with { Ttl = 1 }));
    }

    [Fact]
    public void A_class_ANY_or_NONE_prerequisite_with_RDATA_is_a_format_error()
    {
        var zone = WithHost();
        AssertRejected(ResponseCode.FormErr, zone, Check(zone, RRsetExists("host.home.arpa", DnsType.A) with { Rdata = Ten.Wire.ToArray() }));
        AssertRejected(ResponseCode.FormErr, zone, Check(zone, RRsetAbsent("host.home.arpa", DnsType.A) with { Rdata = Ten.Wire.ToArray() }));
    }

    [Fact]
    public void A_prerequisite_of_another_class_is_a_format_error()
    {
        var zone = WithHost();
        AssertRejected(ResponseCode.FormErr, zone, Check(zone, RRsetIs("host.home.arpa", Ten) with { Class = 3 }));
    }

    [Fact]
    public void A_value_dependent_prerequisite_with_malformed_RDATA_is_a_format_error()
    {
        var zone = WithHost();
        AssertRejected(ResponseCode.FormErr, zone, Check(zone, RRsetIs("host.home.arpa", Ten) with { Rdata = new byte[] { 192, 0, 2 } }));
    }

    [Fact]
    public void A_meta_type_in_a_prerequisite_is_a_format_error()
    {
        var zone = WithHost();
        AssertRejected(ResponseCode.FormErr, zone, Check(zone, RRsetExists("host.home.arpa", DnsType.Axfr)));
        AssertRejected(ResponseCode.FormErr, zone, Check(zone, RRsetIs("host.home.arpa", Ten) with { Type = DnsType.Any }));
    }

    [Fact]
    public void A_prerequisite_name_outside_the_zone_is_NOTZONE()
    {
        var zone = WithHost();
        AssertRejected(ResponseCode.NotZone, zone, Check(zone, NameInUse("host.example.org")));
    }

    [Fact]
    public void A_failing_second_prerequisite_leaves_the_zone_untouched()
    {
        var zone = WithHost();
        AssertRejected(ResponseCode.NxRrset, zone, Check(zone, NameInUse("host.home.arpa"), RRsetExists("host.home.arpa", DnsType.Txt)));
        Assert.Null(zone.Find(Name("new.home.arpa"), DnsType.A));
    }

    [Fact]
    public void Prerequisites_are_checked_in_order_so_the_first_failure_names_the_RCODE()
    {
        var zone = WithHost();
        AssertRejected(ResponseCode.YxDomain, zone, Check(zone, NameNotInUse("host.home.arpa"), NameInUse("nobody.home.arpa")));
        AssertRejected(ResponseCode.NxDomain, zone, Check(zone, NameInUse("nobody.home.arpa"), NameNotInUse("host.home.arpa")));
    }

    [Fact]
    public void Value_dependent_prerequisites_are_compared_after_all_others()
    {
        var zone = WithHost();
        AssertRejected(ResponseCode.YxDomain, zone, Check(zone, RRsetIs("host.home.arpa", Ten), NameNotInUse("host.home.arpa")));
    }
}
