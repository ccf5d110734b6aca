using System.Net;
using System.Text.Json;
using Fos1.Integration.Tests.Infrastructure;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;
using Fos1.Testbed.Sidecars;

namespace Fos1.Integration.Tests.Observability;

/// <summary>POST /resync against a real kea-dhcp4 with lease_cmds and a real BIND: it reconciles now and says what it did.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KeaSidecarResyncTests
{
    [Fact]
    public async Task Resync_finds_nothing_to_do_once_converged_and_removes_the_records_of_a_lease_deleted_behind_its_back()
    {
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        await using var bind = await BindServer.StartAsync(new BindServerOptions
        {
            Zones = [new BindZone(DnsStack.ForwardZone), new BindZone(DnsStack.ReverseZone4), new BindZone(DnsStack.ReverseZone6)],
        });
        await using var kea = await KeaDhcp4Server.StartAsync(lab, new KeaDhcpOptions { Hooks = [KeaHookLibrary.LeaseCommands] });
        await Perfdhcp.RunDhcp4Async(lab, new PerfdhcpOptions { Exchanges = 3, Clients = 3 });
        var leases = await kea.ReadLeasesAsync();
        Assert.Equal(3, leases.Count);
        using var http = new SidecarHttp();
        await using var sidecar = await KeaSidecarProcess.StartAsync(DnsStack.D2Options(bind, IPAddress.Loopback),
        [
            http.Argument,
            "--Fos1:Naming:QualifyingSuffix=home.arpa.",
            $"--Fos1:Reconciliation:Dhcp4ControlSocket={kea.ControlSocketPath}",
            "--Fos1:Reconciliation:IntervalSeconds=0",
        ]);

        // The start-up run queues the three adds; wait until they are in DNS and the outbox is empty.
        await http.ReadinessUntilAsync(HttpStatusCode.OK, body => body.Contains("ok   source:reconciliation: last run at", StringComparison.Ordinal), () => sidecar.RecentOutput);
        foreach (var lease in leases)
        {
            await DnsStack.WaitForAsync(bind, lease.Hostname.TrimEnd('.'), "A", [lease.Address.ToString()], sidecar.RecentOutput);
        }

        await Poll.UntilAsync(async _ => (await http.GetJsonAsync("/status")).RootElement.GetProperty("outbox").GetProperty("pending").GetInt32() == 0,
            TimeSpan.FromSeconds(15), "the outbox to drain", () => sidecar.RecentOutput);

        var (converged, nothing) = await http.PostAsync("/resync");

        Assert.Equal(HttpStatusCode.OK, converged);
        Assert.Equal("3 0 0 0", Counts(nothing.RootElement));
        Assert.True(nothing.RootElement.GetProperty("durationMs").GetDouble() > 0);

        var gone = leases[0];
        await kea.DeleteLeaseAsync(gone.Address, updateDdns: false);
        var (drifted, removal) = await http.PostAsync("/resync");

        Assert.Equal(HttpStatusCode.OK, drifted);
        Assert.Equal("2 0 2 0", Counts(removal.RootElement)); // its name and its PTR name
        await DnsStack.WaitForAsync(bind, gone.Hostname.TrimEnd('.'), "A", [], sidecar.RecentOutput);
        var status = (await http.GetJsonAsync("/status")).RootElement;
        var reconciliation = status.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "reconciliation");
        Assert.True(reconciliation.GetProperty("enabled").GetBoolean());
        Assert.True(8 == reconciliation.GetProperty("events").GetInt64(), status.ToString()); // 3 leases x (name + PTR name), then 2 removals
    }

    private static string Counts(JsonElement result) =>
        $"{result.GetProperty("leases").GetInt32()} {result.GetProperty("added").GetInt32()} {result.GetProperty("removed").GetInt32()} {result.GetProperty("conflicts").GetInt32()}";
}
