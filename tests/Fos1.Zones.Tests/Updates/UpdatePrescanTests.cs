using Fos1.Ddns.Updates;
using Fos1.Zones.Records;
using Fos1.Zones.Updates;
using static Fos1.Zones.Tests.Sample;

namespace Fos1.Zones.Tests.Updates;

public sealed class UpdatePrescanTests
{
    private static readonly Rdata Ten = Rdata.A(Ip("192.0.2.10"));
    private static readonly RawRecord Good = Add("a.home.arpa", 300, Ten);

    public static TheoryData<string, RawRecord> Malformed => new()
    {
        { "class ANY with RDATA", DeleteRRset("a.home.arpa", DnsType.A) with { Rdata = Ten.Wire.ToArray() } },
        { "class ANY with a TTL", DeleteRRset("a.home.arpa", DnsType.A) with { Ttl = 5 } },
        { "class ANY deleting AXFR", DeleteRRset("a.home.arpa", DnsType.Axfr) },
        { "class ANY deleting MAILA", DeleteRRset("a.home.arpa", DnsType.MailA) },
        { "class NONE with a TTL", DeleteRr("a.home.arpa", Ten) with { Ttl = 5 } },
        { "class NONE of type ANY", DeleteRr("a.home.arpa", Ten) with { Type = DnsType.Any, Rdata = ReadOnlyMemory<byte>.Empty } },
        { "class IN of type ANY", Good with { Type = DnsType.Any } },
        { "class IN of type AXFR", Good with { Type = DnsType.Axfr } },
        { "class IN of type MAILB", Good with { Type = DnsType.MailB } },
        { "class IN of type OPT", Good with { Type = DnsType.Opt } },
        { "class IN of type TSIG", Good with { Type = DnsType.Tsig } },
        { "class CH", Good with { Class = 3 } },
        { "an A of three octets", Good with { Rdata = new byte[] { 192, 0, 2 } } },
        { "a PTR with a compression pointer", Add("a.home.arpa", 300, Rdata.Ptr(Host)) with { Rdata = new byte[] { 0xC0, 12 } } },
        { "a TXT whose string runs past the end", Good with { Type = DnsType.Txt, Rdata = new byte[] { 5, (byte)'a' } } },
        { "an SOA with a missing timer", Add("home.arpa", 300, Soa.ToRdata()) with { Rdata = Soa.ToRdata().Wire[..^4].ToArray() } },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_update_RR_is_a_format_error_and_nothing_before_it_is_applied(string why, RawRecord bad)
    {
        var zone = HomeZone();
        var outcome = Apply(zone, Request([], [Good, bad]));
        Assert.True(outcome.Code == ResponseCode.FormErr, $"{why}: got {outcome.Code} ({outcome.Reason})");
        AssertRejected(ResponseCode.FormErr, zone, outcome);
    }

    [Fact]
    public void An_update_name_outside_the_zone_is_NOTZONE_and_nothing_is_applied()
    {
        var zone = HomeZone();
        AssertRejected(ResponseCode.NotZone, zone, Apply(zone, Request([], [Good, Add("a.example.org", 300, Ten)])));
    }

    [Fact]
    public void An_unknown_type_is_added_as_opaque_RDATA()
    {
        var outcome = Apply(HomeZone(), Request([], [new RawRecord(Name("a.home.arpa"), 65280, DnsClass.In, 300, new byte[] { 1, 2, 3 })]));
        Assert.Equal(["a.home.arpa. 300 IN TYPE65280 \\# 3 010203"], outcome.Zone.At(Name("a.home.arpa")).SelectMany(s => s.Records).Select(r => r.ToString()));
    }
}
