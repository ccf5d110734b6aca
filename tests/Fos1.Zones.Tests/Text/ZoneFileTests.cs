using Fos1.Ddns;
using Fos1.Zones.Records;
using Fos1.Zones.Text;
using static Fos1.Zones.Tests.Sample;

namespace Fos1.Zones.Tests.Text;

public sealed class ZoneFileTests
{
    private static readonly Dhcid Client = new([0x00, 0x01, 0x01, 0xAA, 0xBB, 0xCC]);

    /// <summary>One of every type the writer knows, plus awkward TXT and an unknown type.</summary>
    private static Zone Everything() => HomeZone(
        Rr("home.arpa", 300, Rdata.Mx(10, Name("mail.home.arpa"))),
        Rr("home.arpa", 300, Rdata.Txt("v=spf1 -all")),
        Rr("mail.home.arpa", 600, Rdata.A(Ip("192.0.2.25"))),
        Rr("host.home.arpa", 600, Rdata.A(Ip("192.0.2.10"))),
        Rr("host.home.arpa", 600, Rdata.Aaaa(Ip("2001:0db8:0000:0000:0000:0000:0000:0010"))),
        Rr("host.home.arpa", 600, Rdata.Dhcid(Client)),
        Rr("Printer.home.arpa", 600, Rdata.Aaaa(Ip("::ffff:192.0.2.9"))),
        Rr("www.home.arpa", 300, Rdata.Cname(Name("host.home.arpa"))),
        Rr("_ipp._tcp.home.arpa", 300, Rdata.Srv(0, 5, 631, Name("printer.home.arpa"))),
        Rr("quotes.home.arpa", 300, Rdata.Txt("say \"hi\"", "back\\slash; (paren)", "")),
        Rr("bytes.home.arpa", 300, Rdata.Txt([[0x00, 0x7F, 0xFF, (byte)'a']])),
        Rr("opaque.home.arpa", 300, Rdata.Create(65280, [0xDE, 0xAD])),
        Rr("empty.home.arpa", 300, Rdata.Create(65281, [])),
        Rr("sub.home.arpa", 3600, Rdata.Ns(Name("ns.example.org"))));

    [Fact]
    public void A_zone_renders_with_origin_explicit_TTLs_and_canonical_order()
    {
        Assert.Equal(
            """
            $ORIGIN home.arpa.
            @ 3600 IN SOA ns1.home.arpa. hostmaster.home.arpa. 100 3600 900 604800 300
            @ 3600 IN NS ns1.home.arpa.
            @ 300 IN MX 10 mail.home.arpa.
            @ 300 IN TXT "v=spf1 -all"
            _ipp._tcp 300 IN SRV 0 5 631 printer.home.arpa.
            bytes 300 IN TXT "\000\127\255a"
            empty 300 IN TYPE65281 \# 0
            host 600 IN A 192.0.2.10
            host 600 IN AAAA 2001:db8::10
            host 600 IN DHCID AAEBqrvM
            mail 600 IN A 192.0.2.25
            ns1 3600 IN A 192.0.2.1
            opaque 300 IN TYPE65280 \# 2 DEAD
            Printer 600 IN AAAA ::ffff:192.0.2.9
            quotes 300 IN TXT "say \"hi\"" "back\\slash; (paren)" ""
            sub 3600 IN NS ns.example.org.
            www 300 IN CNAME host.home.arpa.

            """,
            ZoneFileWriter.Render(Everything()));
    }

    [Fact]
    public async Task The_rendered_zone_passes_named_checkzone()
    {
        await NamedCheckzone.AssertAcceptsAsync(ZoneFileWriter.Render(Everything()), Origin);
    }

    [Fact]
    public void Parsing_the_rendered_zone_gives_the_same_zone()
    {
        var zone = Everything();
        var parsed = ZoneFileReader.Parse(ZoneFileWriter.Render(zone), Origin);
        Assert.Equal(zone, parsed);
        Assert.Equal(ZoneFileWriter.Render(zone), ZoneFileWriter.Render(parsed));
    }

    [Fact]
    public void A_hand_written_static_zone_is_read_with_directives_units_parentheses_and_comments()
    {
        const string text = """
            $TTL 1h ; default
            @   IN  SOA ns1 hostmaster (
                    2024010101 ; serial
                    1h 15m 1w
                    5m )
                IN  NS  ns1
            ns1     A   192.0.2.1
            router 300 IN A 192.0.2.254
                   IN 600 AAAA 2001:db8::1
            $ORIGIN lab.home.arpa.
            nas     A   192.0.2.5
            alias.home.arpa. CNAME nas
            txt     TXT "a b" c\032d
            """;

        var zone = ZoneFileReader.Parse(text, Origin);

        Assert.Equal(
            [
                "home.arpa. 3600 IN SOA ns1.home.arpa. hostmaster.home.arpa. 2024010101 3600 900 604800 300",
                "home.arpa. 3600 IN NS ns1.home.arpa.",
                "alias.home.arpa. 3600 IN CNAME nas.lab.home.arpa.",
                "nas.lab.home.arpa. 3600 IN A 192.0.2.5",
                "txt.lab.home.arpa. 3600 IN TXT \"a b\" \"c d\"",
                "ns1.home.arpa. 3600 IN A 192.0.2.1",
                "router.home.arpa. 300 IN A 192.0.2.254",
                "router.home.arpa. 600 IN AAAA 2001:db8::1",
            ],
            Lines(zone));
    }

    [Fact]
    public void Without_TTL_or_TTL_directive_a_record_inherits_the_previous_TTL()
    {
        var zone = ZoneFileReader.Parse("@ 60 IN SOA ns1 hm 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n", Origin);
        Assert.All(zone.Records, r => Assert.Equal(60u, r.Ttl));
    }

    [Theory]
    [InlineData("@ IN SOA ns1 hm 1 2 3 4 5\n", "line 1: the record has no TTL")]
    [InlineData("@ 60 IN SOA ns1 hm 1 2 3 4 5\nhost 60 IN A 192.0.2\n", "line 2: '192.0.2' is not an IPv4 address")]
    [InlineData("@ 60 IN SOA ns1 hm 1 2 3 4 5\nhost 60 CH A 192.0.2.1\n", "line 2: class CH is not supported")]
    [InlineData("@ 60 IN SOA ns1 hm 1 2 3 4 5\nhost 60 IN HINFO a b\n", "line 2: 'HINFO' is not a record type")]
    [InlineData("@ 60 IN SOA ns1 hm ( 1 2 3 4 5\n", "line 1: '(' is never closed")]
    [InlineData("$INCLUDE other.db\n", "line 1: '$INCLUDE' with 1 arguments is not a supported directive")]
    [InlineData("host 60 IN A 192.0.2.1\n", "zone home.arpa.: zone home.arpa. has no SOA at its apex")]
    [InlineData("@ 60 IN SOA ns1 hm 1 2 3 4 5\nwww.example.org. 60 IN A 192.0.2.1\n", "www.example.org. is outside zone home.arpa.")]
    [InlineData("@ 60 IN SOA ns1 hm 1 2 3 4 5\nwww 60 IN CNAME a\nwww 60 IN A 192.0.2.1\n", "www.home.arpa. has a CNAME and other data")]
    public void A_bad_zone_file_names_the_line_and_the_problem(string text, string expected)
    {
        var error = Assert.Throws<ZoneFileException>(() => ZoneFileReader.Parse(text, Origin));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generic_RFC_3597_RDATA_of_a_known_type_is_read_as_that_type()
    {
        var zone = ZoneFileReader.Parse("@ 60 IN SOA ns1 hm 1 2 3 4 5\nhost 60 IN A \\# 4 C000020A\n", Origin);
        Assert.Equal(Rdata.A(Ip("192.0.2.10")), zone.Find(Host, DnsType.A)!.Data.Single());
    }

    [Fact]
    public void Labels_that_look_like_the_origin_or_a_directive_are_escaped()
    {
        var zone = HomeZone(Rr("@.home.arpa", 60, Rdata.Txt("at")), Rr("$x.home.arpa", 60, Rdata.Txt("dollar")));
        var text = ZoneFileWriter.Render(zone);

        Assert.Contains("\n\\@ 60 IN TXT", text, StringComparison.Ordinal);
        Assert.Contains("\n\\$x 60 IN TXT", text, StringComparison.Ordinal);
        Assert.Equal(zone, ZoneFileReader.Parse(text, Origin));
    }

    [Fact]
    public void Owner_and_RDATA_names_keep_their_spelling_but_compare_without_case()
    {
        var upper = HomeZone(Rr("WWW.home.arpa", 60, Rdata.Cname(Name("HOST.home.arpa"))));
        var lower = HomeZone(Rr("www.home.arpa", 60, Rdata.Cname(Name("host.home.arpa"))));

        Assert.Equal(lower, upper);
        Assert.Contains("WWW 60 IN CNAME HOST.home.arpa.", ZoneFileWriter.Render(upper), StringComparison.Ordinal);
    }
}
