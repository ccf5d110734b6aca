using System.Net;
using Fos1.Ddns.Updates;
using Fos1.Dns.Publishing.Answering;
using Fos1.Zones.Records;

namespace Fos1.Dns.Publishing.Tests.Answering;

public sealed class AuthoritativeAnswererTests
{
    private static readonly Func<DnsName, Fos1.Zones.Zone?> Zones = TestZones.Lookup(TestZones.Home, TestZones.Reverse);

    private static readonly ResourceRecord HomeNegativeSoa = new(
        DnsName.Parse("home.arpa"), 300,
        Rdata.Soa(new SoaData(DnsName.Parse("ns.home.arpa"), DnsName.Parse("hostmaster.home.arpa"), 7, 3600, 600, 86400, 300)));

    private static DnsResponse Ask(string name, ushort type) =>
        DnsResponse.Parse(AuthoritativeAnswerer.Answer(Zones, Queries.For(name, type)));

    private static ResourceRecord Record(string owner, uint ttl, Rdata data) => new(DnsName.Parse(owner), ttl, data);

    [Fact]
    public void An_A_hit_is_answered_authoritatively_with_the_owner_compressed_against_the_question()
    {
        var response = AuthoritativeAnswerer.Answer(Zones, Queries.For("Host.home.arpa", DnsType.A));

        Assert.Equal(
            "1234" + "8500" + "0001" + "0002" + "0000" + "0000"
            + "04486F737404686F6D650461727061" + "00" + "0001" + "0001"
            + "C00C" + "0001" + "0001" + "0000012C" + "0004" + "C000020A"
            + "C00C" + "0001" + "0001" + "0000012C" + "0004" + "C000020B",
            Convert.ToHexString(response));
    }

    [Fact]
    public void An_AAAA_hit_returns_only_the_AAAA_rrset()
    {
        var response = Ask("host.home.arpa", DnsType.Aaaa);

        Assert.Equal(ResponseCode.NoError, response.Code);
        Assert.True(response.Authoritative);
        Assert.Equal([Record("host.home.arpa", 300, Rdata.Aaaa(IPAddress.Parse("2001:db8::10")))], response.Answer);
        Assert.Empty(response.Authority);
    }

    [Fact]
    public void A_PTR_in_a_reverse_zone_is_answered_from_that_zone()
    {
        var response = Ask("10.2.0.192.in-addr.arpa", DnsType.Ptr);

        Assert.Equal(ResponseCode.NoError, response.Code);
        Assert.True(response.Authoritative);
        Assert.Equal([Record("10.2.0.192.in-addr.arpa", 300, Rdata.Ptr(DnsName.Parse("host.home.arpa")))], response.Answer);
    }

    [Fact]
    public void Names_match_case_insensitively_and_the_question_keeps_the_clients_spelling()
    {
        var raw = AuthoritativeAnswerer.Answer(Zones, Queries.For("HoSt.HOME.arpa", DnsType.Aaaa));
        var response = DnsResponse.Parse(raw);

        Assert.Equal(ResponseCode.NoError, response.Code);
        Assert.Single(response.Answer);
        Assert.Equal("04486F5374", Convert.ToHexString(raw.AsSpan(12, 5)));
    }

    [Fact]
    public void A_name_without_the_asked_type_is_NODATA_with_the_SOA_at_its_negative_TTL()
    {
        var raw = AuthoritativeAnswerer.Answer(Zones, Queries.For("host.home.arpa", DnsType.Txt));
        var response = DnsResponse.Parse(raw);

        Assert.Equal(ResponseCode.NoError, response.Code);
        Assert.True(response.Authoritative);
        Assert.Empty(response.Answer);
        Assert.Equal([HomeNegativeSoa], response.Authority);
    }

    [Fact]
    public void A_missing_name_is_NXDOMAIN_with_the_SOA_whose_names_are_compressed()
    {
        var response = AuthoritativeAnswerer.Answer(Zones, Queries.For("nope.home.arpa", DnsType.A));

        Assert.Equal(
            "1234" + "8503" + "0001" + "0000" + "0001" + "0000"
            + "046E6F706504686F6D650461727061" + "00" + "0001" + "0001"
            + "C011" + "0006" + "0001" + "0000012C" + "0026"
            + "026E73C011" + "0A686F73746D6173746572C011"
            + "00000007" + "00000E10" + "00000258" + "00015180" + "0000012C",
            Convert.ToHexString(response));
    }

    [Fact]
    public void An_empty_non_terminal_is_NODATA_not_NXDOMAIN()
    {
        var between = Ask("b.deep.home.arpa", DnsType.A);
        var top = Ask("deep.home.arpa", DnsType.A);

        Assert.Equal((ResponseCode.NoError, true), (between.Code, between.Authoritative));
        Assert.Empty(between.Answer);
        Assert.Equal([HomeNegativeSoa], between.Authority);
        Assert.Equal(ResponseCode.NoError, top.Code);
        Assert.Equal(ResponseCode.NxDomain, Ask("c.b.deep.home.arpa", DnsType.A).Code);
    }

    [Fact]
    public void A_CNAME_is_returned_and_chased_inside_the_zone()
    {
        var response = Ask("chain.home.arpa", DnsType.A);

        Assert.Equal(ResponseCode.NoError, response.Code);
        Assert.Equal(
            [
                Record("chain.home.arpa", 60, Rdata.Cname(DnsName.Parse("alias.home.arpa"))),
                Record("alias.home.arpa", 120, Rdata.Cname(DnsName.Parse("host.home.arpa"))),
                Record("host.home.arpa", 300, Rdata.A(IPAddress.Parse("192.0.2.10"))),
                Record("host.home.arpa", 300, Rdata.A(IPAddress.Parse("192.0.2.11"))),
            ],
            response.Answer);
        Assert.Empty(response.Authority);
    }

    [Fact]
    public void A_CNAME_question_gets_the_CNAME_itself_without_chasing()
    {
        Assert.Equal([Record("alias.home.arpa", 120, Rdata.Cname(DnsName.Parse("host.home.arpa")))], Ask("alias.home.arpa", DnsType.Cname).Answer);
    }

    [Fact]
    public void A_CNAME_leaving_the_zone_stops_there_and_one_to_a_missing_name_is_NXDOMAIN()
    {
        var away = Ask("away.home.arpa", DnsType.A);
        var dangling = Ask("dangling.home.arpa", DnsType.A);

        Assert.Equal((ResponseCode.NoError, 1, 0), (away.Code, away.Answer.Count, away.Authority.Count));
        Assert.Equal(ResponseCode.NxDomain, dangling.Code);
        Assert.Equal([Record("dangling.home.arpa", 60, Rdata.Cname(DnsName.Parse("gone.home.arpa")))], dangling.Answer);
        Assert.Equal([HomeNegativeSoa], dangling.Authority);
    }

    [Fact]
    public void A_name_outside_every_zone_is_REFUSED_without_AA()
    {
        var raw = AuthoritativeAnswerer.Answer(Zones, Queries.For("www.example.org", DnsType.A, id: 0xBEEF, recursionDesired: false));

        Assert.Equal("BEEF" + "8005" + "0001" + "0000" + "0000" + "0000", Convert.ToHexString(raw.AsSpan(0, 12)));
        Assert.Equal(Queries.For("www.example.org", DnsType.A).AsSpan(12).ToArray(), raw.AsSpan(12).ToArray());
    }

    [Fact]
    public void A_malformed_query_is_FORMERR_with_its_id_echoed()
    {
        var cut = Queries.For("host.home.arpa", DnsType.A)[..20];

        Assert.Equal("1234" + "8101" + "0000" + "0000" + "0000" + "0000", Convert.ToHexString(AuthoritativeAnswerer.Answer(Zones, cut)));
    }

    [Fact]
    public void Two_questions_are_FORMERR_and_a_short_message_is_FORMERR_with_id_zero()
    {
        var two = Queries.For("host.home.arpa", DnsType.A);
        two[5] = 2;

        Assert.Equal(ResponseCode.FormErr, DnsResponse.Parse(AuthoritativeAnswerer.Answer(Zones, two)).Code);
        Assert.Equal("0000" + "8001" + "0000" + "0000" + "0000" + "0000", Convert.ToHexString(AuthoritativeAnswerer.Answer(Zones, [0x12])));
    }

    [Fact]
    public void Another_opcode_is_NOTIMP_and_another_class_is_REFUSED()
    {
        var update = Queries.For("home.arpa", DnsType.Soa);
        update[2] = 5 << 3;

        Assert.Equal(ResponseCode.NotImp, DnsResponse.Parse(AuthoritativeAnswerer.Answer(Zones, update)).Code);
        Assert.Equal(ResponseCode.Refused, DnsResponse.Parse(AuthoritativeAnswerer.Answer(Zones, Queries.For("host.home.arpa", DnsType.A, @class: 3))).Code);
        Assert.Equal(ResponseCode.NotImp, Ask("home.arpa", DnsType.Axfr).Code);
    }

    [Fact]
    public void ANY_returns_every_rrset_at_the_name()
    {
        var response = Ask("home.arpa", DnsType.Any);

        Assert.Equal([DnsType.Soa, DnsType.Ns], response.Answer.Select(r => r.Type));
    }

    [Fact]
    public void A_query_carrying_an_EDNS_OPT_record_is_answered_without_one()
    {
        // CoreDNS forwards its client's message as is, EDNS included; answering without OPT is a plain RFC 1035 reply.
        byte[] query = [.. Queries.For("host.home.arpa", DnsType.Aaaa), 0x00, 0x00, 0x29, 0x04, 0xD0, 0, 0, 0, 0, 0, 0];
        query[11] = 1;

        var response = DnsResponse.Parse(AuthoritativeAnswerer.Answer(Zones, query));

        Assert.Equal((ResponseCode.NoError, 1, 0), (response.Code, response.Answer.Count, response.Additional.Count));
    }
}
