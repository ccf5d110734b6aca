using System.Net;
using System.Net.Sockets;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Network;

namespace Fos1.Testbed.Tests.Kea;

public sealed class KeaDhcp6ServerTests
{
    [Fact]
    public async Task Kea_hands_out_one_named_lease_to_each_perfdhcp_client()
    {
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        await using var kea = await KeaDhcp6Server.StartAsync(lab, new KeaDhcpOptions { Hooks = [KeaHookLibrary.LeaseCommands] });

        var report = await Perfdhcp.RunDhcp6Async(lab, new PerfdhcpOptions { Exchanges = 10, Clients = 10 });
        var leases = await kea.ReadLeasesAsync();
        var all = await kea.SendCommandAsync("lease6-get-all");

        Assert.Equal(new PerfdhcpExchange("REQUEST-REPLY", 10, 10, 0), report["REQUEST-REPLY"]);
        // Not 100..109: the iterative allocator also moves on for addresses it only advertised.
        Assert.Equal(10, leases.Select(lease => lease.Address).Distinct().Count());
        Assert.All(leases, lease => Assert.StartsWith("2001:db8:1::1", lease.Address.ToString(), StringComparison.Ordinal));
        // Kea 2.2 asymmetry: without DDNS (no NCR receiver) kea-dhcp6 generates no names, kea-dhcp4 still does.
        Assert.All(leases, lease => Assert.Equal("", lease.Hostname));
        Assert.Equal(10, all.Arguments!["leases"]!.AsArray().Count);
    }

    [Fact]
    public async Task Kea_2_2_sends_v6_NCRs_with_a_DUID_DHCID_and_lease_expires_on_at_the_epoch()
    {
        await using var lab = await DhcpLab.CreateAsync();
        using var receiver = new UdpClient(new IPEndPoint(lab.HostLink!.HostAddress, 0));
        await using var kea = await KeaDhcp6Server.StartAsync(lab, new KeaDhcpOptions
        {
            NcrReceiver = (IPEndPoint)receiver.Client.LocalEndPoint!,
            ValidLifetime = 600,
            Hooks = [KeaHookLibrary.LeaseCommands],
        });

        await Perfdhcp.RunDhcp6Async(lab, new PerfdhcpOptions { Exchanges = 1, Clients = 1 });
        var add = await NcrDatagram.ReceiveAsync(receiver, TimeSpan.FromSeconds(10));
        var deleted = await kea.DeleteLeaseAsync(IPAddress.Parse("2001:db8:1::100"));
        var remove = await NcrDatagram.ReceiveAsync(receiver, TimeSpan.FromSeconds(10));

        Assert.Equal("host-2001-db8-1--100.home.arpa.", (string)add["fqdn"]!);
        Assert.Equal("2001:db8:1::100", (string)add["ip-address"]!);
        Assert.StartsWith("000201", (string)add["dhcid"]!, StringComparison.Ordinal);
        // Kea 2.2 quirk: v6 NCRs carry no expiry; use lease-length instead.
        Assert.Equal("19700101000000", (string)add["lease-expires-on"]!);
        Assert.Equal(600, (int)add["lease-length"]!);
        Assert.Equal(KeaCommandResult.Success, deleted.Result);
        Assert.Equal(1, (int)remove["change-type"]!);
    }

    [Fact]
    public async Task Perfdhcp_v6_releases_make_Kea_send_one_remove_NCR_per_release()
    {
        await using var lab = await DhcpLab.CreateAsync();
        using var receiver = new UdpClient(new IPEndPoint(lab.HostLink!.HostAddress, 0));
        await using var kea = await KeaDhcp6Server.StartAsync(lab, new KeaDhcpOptions { NcrReceiver = (IPEndPoint)receiver.Client.LocalEndPoint! });

        var report = await Perfdhcp.RunDhcp6Async(lab, new PerfdhcpOptions { Exchanges = 20, Clients = 10, Rate = 20, ReleaseRate = 10 });
        var releases = report["RELEASE-REPLY"].Received;
        var removed = new List<string>();
        // Under load a RELEASE can arrive for a lease Kea no longer has; count the ones Kea logged as released.
        int Released() => kea.RecentOutput.Split('\n').Count(line => line.Contains("was released properly", StringComparison.Ordinal));
        while (removed.Count < Released())
        {
            // Adds come too, one per new lease; a client that gets its lease again causes none.
            var ncr = await NcrDatagram.ReceiveAsync(receiver, TimeSpan.FromSeconds(10));
            if ((int)ncr["change-type"]! == 1)
            {
                // Not distinct: a released address can be leased and released again in the same run.
                removed.Add((string)ncr["ip-address"]!);
            }
        }

        Assert.True(releases > 0 && removed.Count > 0, report.Output);
        Assert.Equal(Released(), removed.Count);
    }
}
