using System.Net;
using System.Net.Sockets;
using Fos1.Ddns.Leases;
using Fos1.Kea.Ncr;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Processes;
using Fos1.Zones.Records;

namespace Fos1.Dns.Server.Tests.Serving;

/// <summary>Real kea-dhcp-ddns (package kea-dhcp-ddns-server) sending its RFC 4703 UPDATEs to the server.</summary>
public sealed class KeaDdnsClientTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private static async Task SendNcr(IPEndPoint d2, NameChange change)
    {
        using var udp = new UdpClient(d2.AddressFamily);
        await udp.SendAsync(NameChangeRequestCodec.Encode(change), d2);
    }

    [Fact]
    public async Task Kea_D2_adds_and_removes_a_lease_s_records_in_both_zones()
    {
        await using var server = RunningServer.Start();
        await using var d2 = await KeaDdnsServer.StartAsync(new KeaDdnsOptions
        {
            Key = Sample.NsupdateKey,
            ForwardDomains = [new KeaDdnsDomain("home.arpa.", [server.EndPoint])],
            ReverseDomains = [new KeaDdnsDomain("2.0.192.in-addr.arpa.", [server.EndPoint])],
        });
        var change = Sample.Change("laptop.home.arpa", "192.0.2.50") with { LeaseExpiresOn = DateTimeOffset.UtcNow.AddHours(1) };
        var reverse = DnsName.Parse("50.2.0.192.in-addr.arpa");

        await SendNcr(d2.Endpoint, change);
        await Poll.UntilAsync(() => server.Reverse.HasName(reverse), Deadline, "D2's PTR record", () => d2.RecentOutput);

        Assert.Equal(IPAddress.Parse("192.0.2.50"), Assert.Single(server.Home.Find(change.Fqdn, DnsType.A)!.Data).ToAddress());
        Assert.Equal(change.Dhcid, Assert.Single(server.Home.Find(change.Fqdn, DnsType.Dhcid)!.Data).ToDhcid());
        Assert.Equal(change.Fqdn, Assert.Single(server.Reverse.Find(reverse, DnsType.Ptr)!.Data).ToTargetName());

        await SendNcr(d2.Endpoint, change with { Kind = NameChangeKind.Remove });
        await Poll.UntilAsync(() => !server.Reverse.HasName(reverse) && !server.Home.HasName(change.Fqdn), Deadline, "D2 to remove the records", () => d2.RecentOutput);
    }
}
