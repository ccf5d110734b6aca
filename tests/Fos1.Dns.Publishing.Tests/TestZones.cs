using Fos1.Zones;
using Fos1.Zones.Text;

namespace Fos1.Dns.Publishing.Tests;

/// <summary>Zones for the answer tests; the static records are also what BIND serves in the cross-check.</summary>
internal static class TestZones
{
    public const string HomeRecords = """
        host 300 IN A 192.0.2.10
        host 300 IN A 192.0.2.11
        host 300 IN AAAA 2001:db8::10
        alias 120 IN CNAME host.home.arpa.
        chain 60 IN CNAME alias.home.arpa.
        away 60 IN CNAME www.example.org.
        dangling 60 IN CNAME gone.home.arpa.
        a.b.deep 300 IN TXT "below an empty non-terminal"
        """;

    public const string ReverseRecords = """
        10 300 IN PTR host.home.arpa.
        """;

    public static Zone Home { get; } = ZoneFileReader.Parse(
        """
        $ORIGIN home.arpa.
        @ 3600 IN SOA ns.home.arpa. hostmaster.home.arpa. 7 3600 600 86400 300
        @ 3600 IN NS ns.home.arpa.
        ns 3600 IN A 127.0.0.1
        """ + "\n" + HomeRecords + "\n",
        DnsName.Parse("home.arpa"));

    public static Zone Reverse { get; } = ZoneFileReader.Parse(
        """
        $ORIGIN 2.0.192.in-addr.arpa.
        @ 3600 IN SOA ns.home.arpa. hostmaster.home.arpa. 3 3600 600 86400 120
        @ 3600 IN NS ns.home.arpa.
        """ + "\n" + ReverseRecords + "\n",
        DnsName.Parse("2.0.192.in-addr.arpa"));

    public static Func<DnsName, Zone?> Lookup(params Zone[] zones) =>
        name => zones.Where(z => z.Contains(name)).MaxBy(z => z.Origin.Labels.Count);
}
