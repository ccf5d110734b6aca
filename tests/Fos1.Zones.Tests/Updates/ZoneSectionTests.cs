using Fos1.Ddns.Updates;
using Fos1.Zones.Records;
using Fos1.Zones.Updates;
using static Fos1.Zones.Tests.Sample;

namespace Fos1.Zones.Tests.Updates;

public sealed class ZoneSectionTests
{
    private static readonly RawRecord AnAdd = Add("a.home.arpa", 300, Rdata.A(Ip("192.0.2.10")));

    [Fact]
    public void An_update_without_a_zone_entry_is_a_format_error()
    {
        var zone = HomeZone();
        AssertRejected(ResponseCode.FormErr, zone, Apply(zone, new UpdateRequest([], [], [AnAdd])));
    }

    [Fact]
    public void An_update_with_two_zone_entries_is_a_format_error()
    {
        var zone = HomeZone();
        var section = new ZoneSection(Origin, DnsType.Soa, DnsClass.In);
        AssertRejected(ResponseCode.FormErr, zone, Apply(zone, new UpdateRequest([section, section], [], [AnAdd])));
    }

    [Fact]
    public void A_zone_entry_of_a_type_other_than_SOA_is_a_format_error()
    {
        var zone = HomeZone();
        var request = new UpdateRequest([new ZoneSection(Origin, DnsType.A, DnsClass.In)], [], [AnAdd]);
        AssertRejected(ResponseCode.FormErr, zone, Apply(zone, request));
    }

    [Fact]
    public void An_update_for_another_zone_is_not_authoritative()
    {
        var zone = HomeZone();
        AssertRejected(ResponseCode.NotAuth, zone, Apply(zone, Request([], [AnAdd], Name("example.org"))));
    }

    [Fact]
    public void An_update_for_a_subdomain_of_the_zone_is_not_authoritative()
    {
        var zone = HomeZone();
        AssertRejected(ResponseCode.NotAuth, zone, Apply(zone, Request([], [AnAdd], Name("sub.home.arpa"))));
    }

    [Fact]
    public void An_update_in_another_class_is_not_authoritative()
    {
        var zone = HomeZone();
        var request = new UpdateRequest([new ZoneSection(Origin, DnsType.Soa, 3)], [], [AnAdd]);
        AssertRejected(ResponseCode.NotAuth, zone, Apply(zone, request));
    }

    [Fact]
    public void The_zone_name_matches_case_insensitively()
    {
        var outcome = Apply(HomeZone(), Request([], [AnAdd], Name("HOME.Arpa")));
        Assert.Equal(ResponseCode.NoError, outcome.Code);
    }
}
