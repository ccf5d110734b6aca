using System.Net.Sockets;
using Fos1.Ddns.Updates;
using Fos1.Dns.Publishing.Answering;
using Fos1.Testbed.Dns;
using Fos1.Zones;
using Fos1.Zones.Records;
using Fos1.Zones.Text;

namespace Fos1.Dns.Publishing.Tests.Answering;

/// <summary>
/// BIND 9 as the oracle: the identical query bytes go to a real named serving the same zone files over
/// UDP and to our answerer, and the two responses must agree record for record. (dig cannot send a
/// message we built, so the bytes go over a plain socket; the BindServer start-up itself uses dig.)
/// </summary>
public sealed class BindCrossCheckTests : IAsyncLifetime
{
    private static readonly BindZone Home = new("home.arpa", TestZones.HomeRecords);
    private static readonly BindZone Reverse = new("2.0.192.in-addr.arpa", TestZones.ReverseRecords);

    private BindServer? _bind;
    private Func<DnsName, Zone?> _zones = _ => null;

    public async Task InitializeAsync()
    {
        _bind = await BindServer.StartAsync(new BindServerOptions { Zones = [Home, Reverse] });
        // Our zones are parsed from the very files named loaded.
        _zones = TestZones.Lookup(
            ZoneFileReader.Parse(await File.ReadAllTextAsync(Path.Combine(_bind.Directory, "home.arpa.db")), DnsName.Parse(Home.Name)),
            ZoneFileReader.Parse(await File.ReadAllTextAsync(Path.Combine(_bind.Directory, "2.0.192.in-addr.arpa.db")), DnsName.Parse(Reverse.Name)));
    }

    public async Task DisposeAsync()
    {
        if (_bind is not null)
        {
            await _bind.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("host.home.arpa", DnsType.A)]
    [InlineData("HOST.Home.Arpa", DnsType.Aaaa)]
    [InlineData("10.2.0.192.in-addr.arpa", DnsType.Ptr)]
    [InlineData("host.home.arpa", DnsType.Txt)]
    [InlineData("nope.home.arpa", DnsType.A)]
    [InlineData("nope.2.0.192.in-addr.arpa", DnsType.Ptr)]
    [InlineData("b.deep.home.arpa", DnsType.A)]
    [InlineData("deep.home.arpa", DnsType.Txt)]
    [InlineData("a.b.deep.home.arpa", DnsType.Txt)]
    [InlineData("chain.home.arpa", DnsType.A)]
    [InlineData("chain.home.arpa", DnsType.Aaaa)]
    [InlineData("alias.home.arpa", DnsType.Cname)]
    [InlineData("away.home.arpa", DnsType.A)]
    [InlineData("dangling.home.arpa", DnsType.A)]
    [InlineData("home.arpa", DnsType.Soa)]
    [InlineData("home.arpa", DnsType.Ns)]
    [InlineData("host.home.arpa", DnsType.Any)]
    [InlineData("www.example.org", DnsType.A)]
    public async Task Our_answer_matches_BIND_record_for_record_for_the_same_query_bytes(string name, ushort type)
    {
        var query = Queries.For(name, type, id: 0x4242, recursionDesired: false);

        var ours = AuthoritativeAnswerer.Answer(_zones, query);
        var theirs = await ExchangeWithBindAsync(query);

        var expected = DnsResponse.Parse(theirs);
        var actual = DnsResponse.Parse(ours);
        Assert.Equal((expected.Id, expected.Code, expected.Authoritative), (actual.Id, actual.Code, actual.Authoritative));
        Assert.Equal(theirs.AsSpan(12, query.Length - 12).ToArray(), ours.AsSpan(12, query.Length - 12).ToArray());
        Assert.Equal(Sorted(expected.Answer), Sorted(actual.Answer));
        // Positive answers from BIND may add the apex NS (minimal-responses no-auth-recursive); ours are minimal.
        if (actual.Authority.Count > 0 || expected.Answer.Count == 0 || expected.Code == ResponseCode.NxDomain)
        {
            Assert.Equal(Sorted(expected.Authority), Sorted(actual.Authority));
        }
    }

    private static List<string> Sorted(IEnumerable<ResourceRecord> records) =>
        [.. records.Select(r => r.ToString()).Order(StringComparer.Ordinal)];

    private async Task<byte[]> ExchangeWithBindAsync(byte[] query)
    {
        using var udp = new UdpClient(_bind!.Endpoint.AddressFamily);
        udp.Connect(_bind.Endpoint);
        await udp.SendAsync(query);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return (await udp.ReceiveAsync(deadline.Token)).Buffer;
    }
}
