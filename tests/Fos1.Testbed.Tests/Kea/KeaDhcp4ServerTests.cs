using System.Net;
using System.Net.Sockets;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Network;

namespace Fos1.Testbed.Tests.Kea;

public sealed class KeaDhcp4ServerTests
{
    [Fact]
    public async Task Kea_hands_out_one_named_lease_to_each_perfdhcp_client()
    {
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        await using var kea = await KeaDhcp4Server.StartAsync(lab, new KeaDhcpOptions { Hooks = [KeaHookLibrary.LeaseCommands] });

        var report = await Perfdhcp.RunDhcp4Async(lab, new PerfdhcpOptions { Exchanges = 10, Clients = 10 });
        var leases = await kea.ReadLeasesAsync();
        var all = await kea.SendCommandAsync("lease4-get-all");

        Assert.Equal(new PerfdhcpExchange("REQUEST-ACK", 10, 10, 0), report["REQUEST-ACK"]);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(10, leases.Select(lease => lease.Address).Distinct().Count());
        Assert.All(leases, lease => Assert.InRange(lease.Address.GetAddressBytes()[3], 100, 200));
        Assert.All(leases, lease => Assert.Equal($"host-{lease.Address.ToString().Replace('.', '-')}.home.arpa", lease.Hostname));
        Assert.Equal(10, all.Arguments!["leases"]!.AsArray().Count);
    }

    [Fact]
    public async Task Kea_loads_the_leases_written_into_its_lease_file_before_it_starts()
    {
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        var rows = Enumerable.Range(1, 50).Select(i => new MemfileLease4Row(
            IPAddress.Parse($"192.0.2.{i + 100}"), [2, 0, 0, 0, 0, (byte)i], [1, 2, 0, 0, 0, 0, (byte)i], 3600, expires, 1, $"h{i}.home.arpa")).ToList();
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        await using var kea = await KeaDhcp4Server.StartAsync(lab, new KeaDhcpOptions
        {
            Hooks = [KeaHookLibrary.LeaseCommands],
            PrepareLeaseFile = (path, token) => MemfileLeaseWriter.WriteAsync(path, rows, token),
        });

        var all = await kea.SendCommandAsync("lease4-get-all");

        var leases = all.Arguments!["leases"]!.AsArray();
        Assert.Equal(50, leases.Count);
        Assert.Equal(
            ("192.0.2.101", "h1.home.arpa", "01:02:00:00:00:00:01"),
            (leases[0]!["ip-address"]!.GetValue<string>(), leases[0]!["hostname"]!.GetValue<string>(), leases[0]!["client-id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Kea_sends_add_NCRs_across_the_host_link_and_a_remove_NCR_when_a_lease_is_deleted_with_update_ddns()
    {
        await using var lab = await DhcpLab.CreateAsync();
        using var receiver = new UdpClient(new IPEndPoint(lab.HostLink!.HostAddress, 0));
        await using var kea = await KeaDhcp4Server.StartAsync(lab, new KeaDhcpOptions
        {
            NcrReceiver = (IPEndPoint)receiver.Client.LocalEndPoint!,
            ValidLifetime = 600,
            Hooks = [KeaHookLibrary.LeaseCommands],
        });

        await Perfdhcp.RunDhcp4Async(lab, new PerfdhcpOptions { Exchanges = 1, Clients = 1 });
        var add = await NcrDatagram.ReceiveAsync(receiver, TimeSpan.FromSeconds(10));
        var deleted = await kea.DeleteLeaseAsync(IPAddress.Parse("192.0.2.100"), updateDdns: true);
        var remove = await NcrDatagram.ReceiveAsync(receiver, TimeSpan.FromSeconds(10));

        Assert.Equal(0, (int)add["change-type"]!);
        Assert.Equal("host-192-0-2-100.home.arpa.", (string)add["fqdn"]!);
        Assert.Equal("192.0.2.100", (string)add["ip-address"]!);
        Assert.Equal(600, (int)add["lease-length"]!);
        Assert.True((bool)add["forward-change"]! && (bool)add["reverse-change"]! && (bool)add["use-conflict-resolution"]!);
        // Type 0001: the DHCID is computed from the client-id perfdhcp sends (01 + MAC).
        Assert.StartsWith("000101", (string)add["dhcid"]!, StringComparison.Ordinal);
        Assert.Equal(KeaCommandResult.Success, deleted.Result);
        Assert.Equal(1, (int)remove["change-type"]!);
        Assert.Equal(add["dhcid"]!.ToJsonString(), remove["dhcid"]!.ToJsonString());
        Assert.Empty(await kea.ReadLeasesAsync());
    }

    [Fact]
    public async Task Perfdhcp_releases_make_Kea_send_one_remove_NCR_per_release()
    {
        await using var lab = await DhcpLab.CreateAsync();
        using var receiver = new UdpClient(new IPEndPoint(lab.HostLink!.HostAddress, 0));
        await using var kea = await KeaDhcp4Server.StartAsync(lab, new KeaDhcpOptions { NcrReceiver = (IPEndPoint)receiver.Client.LocalEndPoint! });

        var report = await Perfdhcp.RunDhcp4Async(lab, new PerfdhcpOptions { Exchanges = 20, Clients = 10, Rate = 20, ReleaseRate = 10 });
        // A DHCPv4 RELEASE has no reply: perfdhcp counts every one as a drop.
        var releases = report["RELEASE"].Sent;
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
        Assert.Equal(releases, report["RELEASE"].Drops);
        Assert.Equal(3, report.ExitCode);
        Assert.Equal(Released(), removed.Count);
    }

    [Fact]
    public async Task Disposing_stops_Kea_and_deletes_its_directory()
    {
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        var kea = await KeaDhcp4Server.StartAsync(lab);

        await kea.DisposeAsync();

        Assert.False(kea.IsRunning);
        Assert.False(Directory.Exists(kea.Directory));
        Assert.Empty(await lab.Server.ProcessIdsAsync());
    }
}
