using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Fos1.Ddns.Leases;
using Fos1.Kea.Memfile;
using Fos1.Kea.Tests.ControlSocket;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Kea.Tests.Memfile;

/// <summary>The tail on lease files written by real kea-dhcp4/kea-dhcp6 2.2, including its own lease file cleanup.</summary>
public sealed class MemfileTailKeaTests
{
    private static MemfileTail TailOf(KeaDhcpServer kea, TestMeters meters) =>
        new(new MemfileTailOptions { LeaseFile = kea.LeaseFile }, new MemfileMetrics(meters), NullLogger<MemfileTail>.Instance);

    [Fact]
    public async Task Leases_perfdhcp_obtained_are_loaded_and_a_deletion_arrives_as_an_event()
    {
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        await using var kea = await KeaDhcp4Server.StartAsync(lab, new KeaDhcpOptions { Hooks = [KeaHookLibrary.LeaseCommands], ValidLifetime = 900 });
        await Perfdhcp.RunDhcp4Async(lab, new PerfdhcpOptions { Exchanges = 20, Clients = 20 });
        using var meters = new TestMeters();
        using var tail = TailOf(kea, meters);

        var loaded = await tail.LoadAsync();
        var all = (await kea.SendCommandAsync("lease4-get-all")).Arguments!["leases"]!.AsArray();
        await kea.DeleteLeaseAsync(loaded[0].Address, updateDdns: false);
        var events = new List<LeaseEvent>();
        await Poll.UntilAsync(async ct => { events.AddRange(await tail.PollAsync(ct)); return events.Count > 0; }, TimeSpan.FromSeconds(10), "the deletion row");

        Assert.Equal(
            all.Select(l => ((string)l!["ip-address"]!, (string)l["hostname"]!, (string)l["hw-address"]!)).Order(),
            loaded.Select(l => (l.Address.ToString(), l.Hostname!, string.Join(':', l.HardwareAddress!.Select(b => b.ToString("x2", CultureInfo.InvariantCulture))))).Order());
        Assert.All(loaded, l => Assert.Equal(900u, l.ValidLifetime));
        var deleted = Assert.Single(events);
        Assert.Equal((LeaseEventKind.Deleted, loaded[0].Address), (deleted.Kind, deleted.Lease.Address));
        Assert.Equal(0, tail.RejectedRows);
    }

    [Fact]
    public async Task V6_rows_written_by_kea_dhcp6_are_read_with_their_types()
    {
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        await using var kea = await KeaDhcp6Server.StartAsync(lab, new KeaDhcpOptions { Hooks = [KeaHookLibrary.LeaseCommands] });
        await Send(kea, "lease6-add", new JsonObject { ["ip-address"] = "2001:db8:1::5", ["duid"] = "00:03:00:01:0a:0b:0c:0d:0e:0f", ["iaid"] = 3, ["hostname"] = "a,b.home.arpa", ["fqdn-fwd"] = true, ["hw-address"] = "0a:0b:0c:0d:0e:0f" });
        await Send(kea, "lease6-add", new JsonObject { ["ip-address"] = "2001:db8:1:4::", ["type"] = "IA_PD", ["prefix-len"] = 64, ["subnet-id"] = 1, ["duid"] = "00:03:00:01:0a:0b:0c:0d:0e:0f", ["iaid"] = 4 });
        using var meters = new TestMeters();
        using var tail = TailOf(kea, meters);

        var loaded = await tail.LoadAsync();

        var na = Assert.Single(loaded, l => l.Type == LeaseType.IaNa);
        Assert.Equal(("a,b.home.arpa", 3u, true, false, "00030001" + "0A0B0C0D0E0F", "0A0B0C0D0E0F"),
            (na.Hostname, na.Iaid, na.ForwardDns, na.ReverseDns, Convert.ToHexString(na.Duid!), Convert.ToHexString(na.HardwareAddress!)));
        Assert.Equal(IPAddress.Parse("2001:db8:1:4::"), Assert.Single(loaded, l => l.Type == LeaseType.IaPd).Address);
        Assert.Equal(0, tail.RejectedRows);
    }

    [Fact]
    public async Task Keas_own_lease_file_cleanup_is_followed_and_a_restart_rebuilds_the_same_state()
    {
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        await using var kea = await KeaDhcp4Server.StartAsync(lab, new KeaDhcpOptions
        {
            Hooks = [KeaHookLibrary.LeaseCommands],
            Customize = body => body["lease-database"]!["lfc-interval"] = 1,
        });
        using var meters = new TestMeters();
        using var tail = TailOf(kea, meters);
        await tail.LoadAsync();
        var events = new List<LeaseEvent>();
        var added = 0;

        // Keep Kea writing while its one-second cleanup rotates the file under the tail, until two rotations were followed.
        await Poll.UntilAsync(
            async ct =>
            {
                if (added < 150)
                {
                    await Send(kea, "lease4-add", new JsonObject { ["ip-address"] = $"192.0.2.{added + 3}", ["hw-address"] = $"02:00:00:00:02:{added:x2}" });
                    if (added % 10 == 9)
                    {
                        await kea.DeleteLeaseAsync(IPAddress.Parse($"192.0.2.{added + 3}"), updateDdns: false, ct);
                    }

                    added++;
                }

                events.AddRange(await tail.PollAsync(ct));
                return tail.Rotations >= 2 && added == 150;
            },
            TimeSpan.FromSeconds(60),
            "two lease file cleanups while 150 leases are added",
            () => kea.RecentOutput);
        events.AddRange(await tail.PollAsync());
        var kept = (await kea.SendCommandAsync("lease4-get-all")).Arguments!["leases"]!.AsArray().Select(l => (string)l!["ip-address"]!).ToHashSet();

        Assert.Equal(135, kept.Count);
        Assert.Equal(150, events.Count(e => e.Kind == LeaseEventKind.Committed));
        Assert.Equal(15, events.Count(e => e.Kind == LeaseEventKind.Deleted));
        Assert.Equal(kept.Order(), tail.Current.Keys.Select(a => a.ToString()).Order());
        Assert.True(File.Exists(kea.LeaseFile + ".2"), "kea-lfc leaves its merged output in .2");
        using var restarted = TailOf(kea, meters);
        Assert.Equal(kept.Order(), (await restarted.LoadAsync()).Select(l => l.Address.ToString()).Order());
    }

    private static async Task Send(KeaDhcpServer kea, string command, JsonObject arguments)
    {
        var result = await kea.SendCommandAsync(command, arguments);
        Assert.True(result.Result == KeaCommandResult.Success, result.RawJson);
    }
}
