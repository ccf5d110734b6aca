using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Fos1.Ddns.Leases;
using Fos1.Kea.ControlSocket;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Network;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Kea.Tests.ControlSocket;

/// <summary>Paging through real kea-dhcp4/kea-dhcp6 2.2 with libdhcp_lease_cmds.so, over the unix socket and the Control Agent.</summary>
public sealed class KeaLeasePagerTests
{
    private static readonly KeaDhcpOptions WithLeaseCommands = new() { Hooks = [KeaHookLibrary.LeaseCommands] };

    [Fact]
    public async Task Pages_through_250_v4_leases_100_at_a_time_and_keeps_only_active_ones()
    {
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        await using var kea = await KeaDhcp4Server.StartAsync(lab, WithLeaseCommands);
        for (var i = 0; i < 250; i++)
        {
            await AddAsync(kea, new JsonObject
            {
                ["ip-address"] = $"192.0.2.{i + 3}",
                ["hw-address"] = $"02:00:00:00:00:{i:x2}",
                ["hostname"] = $"h{i}.home.arpa",
                ["fqdn-fwd"] = true,
                ["fqdn-rev"] = true,
                ["valid-lft"] = 600,
                ["state"] = i == 7 ? 1 : 0,
            });
        }

        using var meters = new TestMeters();
        var pager = new KeaLeasePager(new KeaUnixSocketChannel(kea.ControlSocketPath), new KeaControlMetrics(meters), NullLogger<KeaLeasePager>.Instance, pageSize: 100);

        var all = await pager.ReadAllAsync(4).ToListAsync();
        var active = await pager.ReadActiveAsync(4);

        Assert.Equal(Enumerable.Range(3, 250).Select(n => $"192.0.2.{n}"), all.Select(lease => lease.Lease.Address.ToString()));
        Assert.Equal(249, active.Count);
        Assert.DoesNotContain(active, lease => lease.Lease.Address.Equals(IPAddress.Parse("192.0.2.10")));
        var first = all[0].Lease;
        Assert.Equal(("h0.home.arpa", "020000000000", 600u, true, true, LeaseType.V4), (first.Hostname, Convert.ToHexString(first.HardwareAddress!), first.ValidLifetime, first.ForwardDns, first.ReverseDns, first.Type));
        Assert.InRange(first.Expires, DateTimeOffset.UtcNow.AddSeconds(590), DateTimeOffset.UtcNow.AddSeconds(610));
        Assert.Equal(500, meters.Total("fos1.kea.control.leases"));
    }

    [Fact]
    public async Task Pages_through_250_v6_leases_including_a_prefix()
    {
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        await using var kea = await KeaDhcp6Server.StartAsync(lab, WithLeaseCommands);
        for (var i = 0; i < 249; i++)
        {
            await AddAsync(kea, new JsonObject
            {
                ["ip-address"] = $"2001:db8:1::{i + 0x1000:x}",
                ["duid"] = $"00:03:00:01:02:00:00:00:{i >> 8:x2}:{i & 0xff:x2}",
                ["iaid"] = i,
                ["hostname"] = $"v6-{i}.home.arpa",
                ["fqdn-fwd"] = true,
            });
        }

        await AddAsync(kea, new JsonObject
        {
            ["ip-address"] = "2001:db8:1:8000::", ["type"] = "IA_PD", ["prefix-len"] = 64, ["subnet-id"] = 1, ["duid"] = "00:03:00:01:02:ff:ff:ff", ["iaid"] = 9,
        });
        var pager = new KeaLeasePager(new KeaUnixSocketChannel(kea.ControlSocketPath), new KeaControlMetrics(new TestMeters()), NullLogger<KeaLeasePager>.Instance, pageSize: 100);

        var all = await pager.ReadAllAsync(6).ToListAsync();

        Assert.Equal(250, all.Select(lease => lease.Lease.Address).Distinct().Count());
        Assert.Equal(249, all.Count(lease => lease.Lease.Type == LeaseType.IaNa));
        var prefix = Assert.Single(all, lease => lease.Lease.Type == LeaseType.IaPd);
        Assert.Equal(IPAddress.Parse("2001:db8:1:8000::"), prefix.Lease.Address);
        var named = all.Single(lease => lease.Lease.Address.Equals(IPAddress.Parse("2001:db8:1::1005")));
        Assert.Equal(("v6-5.home.arpa", 5u, "0003000102000000" + "0005"), (named.Lease.Hostname, named.Lease.Iaid, Convert.ToHexString(named.Lease.Duid!)));
    }

    [Fact]
    public async Task The_Control_Agent_transport_pages_the_same_leases()
    {
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        await using var kea = await KeaDhcp4Server.StartAsync(lab, WithLeaseCommands);
        await using var agent = await KeaControlAgent.StartAsync(new Dictionary<string, string> { ["dhcp4"] = kea.ControlSocketPath });
        for (var i = 0; i < 25; i++)
        {
            await AddAsync(kea, new JsonObject { ["ip-address"] = $"192.0.2.{i + 100}", ["hw-address"] = $"02:00:00:00:01:{i:x2}" });
        }

        using var http = new HttpClient();
        var channel = KeaControlChannels.Create(new KeaControlOptions { Transport = KeaControlTransport.Http, ControlAgentUrl = agent.Url, Service = "dhcp4" }, http);
        var pager = new KeaLeasePager(channel, new KeaControlMetrics(new TestMeters()), NullLogger<KeaLeasePager>.Instance, pageSize: 10);

        var viaAgent = await pager.ReadActiveAsync(4);
        var direct = await new KeaLeasePager(new KeaUnixSocketChannel(kea.ControlSocketPath), new KeaControlMetrics(new TestMeters()), NullLogger<KeaLeasePager>.Instance)
            .ReadActiveAsync(4);

        Assert.Equal(25, viaAgent.Count);
        Assert.Equal(direct, viaAgent, (a, b) => a.Lease.Address.Equals(b.Lease.Address) && a.Lease.HardwareAddress!.SequenceEqual(b.Lease.HardwareAddress!) && a.Lease.Expires == b.Lease.Expires);
    }

    [Fact]
    public async Task The_Control_Agent_reports_an_unconfigured_service_as_a_command_failure()
    {
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        await using var kea = await KeaDhcp4Server.StartAsync(lab, WithLeaseCommands);
        await using var agent = await KeaControlAgent.StartAsync(new Dictionary<string, string> { ["dhcp4"] = kea.ControlSocketPath });
        using var http = new HttpClient();
        var pager = new KeaLeasePager(
            new KeaControlAgentChannel(http, agent.Url, "dhcp6"), new KeaControlMetrics(new TestMeters()), NullLogger<KeaLeasePager>.Instance);

        var error = await Assert.ThrowsAsync<KeaControlException>(() => pager.ReadActiveAsync(6));

        Assert.Equal(KeaControlFailure.CommandFailed, error.Failure);
        Assert.Contains("failed with result 1", error.Message, StringComparison.Ordinal);
    }

    private static async Task AddAsync(KeaDhcpServer kea, JsonObject lease)
    {
        var result = await kea.SendCommandAsync(string.Create(CultureInfo.InvariantCulture, $"lease{kea.Family}-add"), lease);
        Assert.True(result.Result == KeaCommandResult.Success, result.RawJson);
    }
}
