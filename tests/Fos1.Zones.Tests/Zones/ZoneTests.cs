using Fos1.Zones.Records;
using static Fos1.Zones.Tests.Sample;

namespace Fos1.Zones.Tests.Zones;

public sealed class ZoneTests
{
    private static readonly Rdata Ten = Rdata.A(Ip("192.0.2.10"));

    [Fact]
    public void Duplicate_records_collapse_and_names_match_without_case()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten), Rr("A.HOME.ARPA", 300, Ten));
        Assert.Single(zone.Find(Name("a.Home.arpa"), DnsType.A)!.Data);
        Assert.True(zone.HasName(Name("A.home.arpa")));
    }

    [Fact]
    public void A_loaded_RRset_takes_the_TTL_of_its_first_record()
    {
        var zone = HomeZone(Rr("a.home.arpa", 300, Ten), Rr("a.home.arpa", 60, Rdata.A(Ip("192.0.2.11"))));
        Assert.Equal(300u, zone.Find(Name("a.home.arpa"), DnsType.A)!.Ttl);
    }

    [Fact]
    public void A_zone_needs_exactly_one_SOA_at_its_apex()
    {
        Assert.Throws<ArgumentException>(() => Zone.Create(Origin, [Rr("a.home.arpa", 300, Ten)]));
        Assert.Throws<ArgumentException>(() => HomeZone(Rr("home.arpa", 300, (Soa with { Serial = 5 }).ToRdata())));
        Assert.Throws<ArgumentException>(() => HomeZone(Rr("sub.home.arpa", 300, Soa.ToRdata())));
    }

    [Fact]
    public void A_zone_refuses_records_outside_it_and_a_CNAME_beside_other_data()
    {
        Assert.Throws<ArgumentException>(() => HomeZone(Rr("a.example.org", 300, Ten)));
        Assert.Throws<ArgumentException>(() => HomeZone(Rr("a.home.arpa", 300, Ten), Rr("a.home.arpa", 300, Rdata.Cname(Host))));
    }

    [Fact]
    public void A_zone_orders_names_canonically_with_SOA_then_NS_first_at_the_apex()
    {
        var zone = HomeZone(Rr("z.home.arpa", 60, Ten), Rr("a.z.home.arpa", 60, Ten), Rr("B.home.arpa", 60, Ten), Rr("home.arpa", 60, Rdata.Txt("t")));
        Assert.Equal(["home.arpa", "B.home.arpa", "ns1.home.arpa", "z.home.arpa", "a.z.home.arpa"], zone.Names.Select(n => n.Text));
        Assert.Equal([DnsType.Soa, DnsType.Ns, DnsType.Txt], zone.At(Origin).Select(s => s.Type));
    }
}
