using System.Net;
using Fos1.Testbed.Kea;

namespace Fos1.Integration.Tests.Sources;

/// <summary>lease_cmds reconciliation at start-up converges DNS to Kea's lease list, never touching names it does not own.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ReconciliationTests
{
    [Fact]
    public async Task Leases_deleted_while_the_sidecar_was_down_lose_their_records_at_restart_and_a_static_name_is_untouched()
    {
        await using var stack = await HookedStack.StartAsync(reconcile: true, staticRecords: "host-192-0-2-103 3600 IN A 192.0.2.250");
        await Perfdhcp.RunDhcp4Async(stack.Lab, new PerfdhcpOptions { Exchanges = 10, Clients = 10 });
        await stack.WaitForConvergenceAsync(TimeSpan.FromSeconds(30), exempt: "host-192-0-2-103.home.arpa");
        Assert.Equal(["192.0.2.250"], await stack.Bind.QueryAsync("host-192-0-2-103.home.arpa", "A"));

        await stack.KillSidecarAsync();
        foreach (var address in new[] { "192.0.2.100", "192.0.2.101" })
        {
            await stack.Kea.DeleteLeaseAsync(IPAddress.Parse(address), updateDdns: false);
        }

        // Whatever the hook said meanwhile is lost too: only reconciliation can notice.
        foreach (var file in Directory.EnumerateFiles(stack.Spool))
        {
            File.Delete(file);
        }

        await stack.StartSidecarAsync();

        await stack.WaitForConvergenceAsync(TimeSpan.FromSeconds(30), exempt: "host-192-0-2-103.home.arpa");
        Assert.Empty(await stack.Bind.QueryAsync("host-192-0-2-100.home.arpa", "A"));
        Assert.Equal(["192.0.2.250"], await stack.Bind.QueryAsync("host-192-0-2-103.home.arpa", "A"));
        Assert.Empty(await stack.Bind.QueryAsync("host-192-0-2-103.home.arpa", "DHCID"));
        Assert.True(stack.Sidecar!.OutputContains("Reconciled 8 active leases"), stack.Sidecar.RecentOutput);
    }
}
