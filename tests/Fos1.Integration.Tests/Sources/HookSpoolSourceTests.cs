using Fos1.Testbed.Kea;
using Fos1.Testbed.Processes;

namespace Fos1.Integration.Tests.Sources;

/// <summary>Kea's DDNS off: leases reach DNS only through the run_script hook spool, through crashes and outages.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HookSpoolSourceTests
{
    [Fact]
    public async Task Leases_granted_and_released_through_the_hook_spool_give_exactly_their_records_with_periodic_reconciliation_as_deployed()
    {
        // Kea runs hook scripts concurrently: a release and the re-grant of the same address within
        // milliseconds can be spooled out of order. Periodic reconciliation (on by default in a
        // deployment) is what repairs that, so it runs here too, every 5 s.
        await using var stack = await HookedStack.StartAsync(reconcile: true, reconcileEverySeconds: 5);

        await Perfdhcp.RunDhcp4Async(stack.Lab, new PerfdhcpOptions { Exchanges = 40, Clients = 20, Rate = 40, ReleaseRate = 10 });

        await stack.WaitForConvergenceAsync(TimeSpan.FromSeconds(30));
        Assert.NotEmpty(await stack.Kea.ReadLeasesAsync());
        Assert.Empty(Directory.EnumerateFiles(stack.Spool));
    }

    [Fact]
    public async Task DHCPv6_leases_through_the_hook_spool_get_AAAA_and_ip6_arpa_records_and_lose_them_on_release_with_periodic_reconciliation_as_deployed()
    {
        // Releases and re-grants within milliseconds: see the DHCPv4 test above.
        await using var stack = await HookedStack.StartAsync(family: 6, reconcile: true, reconcileEverySeconds: 5);

        await Perfdhcp.RunDhcp6Async(stack.Lab, new PerfdhcpOptions { Exchanges = 20, Clients = 10, Rate = 20, ReleaseRate = 5 });

        await stack.WaitForConvergenceAsync(TimeSpan.FromSeconds(30));
        Assert.NotEmpty(await stack.Kea.ReadLeasesAsync());
    }

    [Fact]
    public async Task A_hook_file_that_is_not_Kea_s_is_set_aside_and_the_rest_still_lands()
    {
        await using var stack = await HookedStack.StartAsync();
        Directory.CreateDirectory(stack.Spool);
        await File.WriteAllTextAsync(Path.Combine(stack.Spool, "0000000000000000001-1.event"), "not\0a\0kea\0event");

        await Perfdhcp.RunDhcp4Async(stack.Lab, new PerfdhcpOptions { Exchanges = 5, Clients = 5 });

        await stack.WaitForConvergenceAsync(TimeSpan.FromSeconds(30));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(stack.Spool, "rejected")));
        Assert.True(stack.Sidecar!.IsRunning);
    }

    [Fact]
    public async Task A_sidecar_killed_in_the_middle_of_a_2000_lease_burst_and_restarted_loses_nothing()
    {
        await using var stack = await HookedStack.StartAsync();
        var burst = Perfdhcp.RunDhcp4Async(stack.Lab, new PerfdhcpOptions
        {
            Exchanges = 2000, Clients = 2000, Rate = 400, Timeout = TimeSpan.FromMinutes(3),
        });
        await Poll.UntilAsync(async ct => (await stack.Bind.QueryAsync("host-192-0-2-150.home.arpa", "A", ct)).Count > 0 || burst.IsCompleted,
            TimeSpan.FromSeconds(60), "the burst to be under way in DNS");

        await stack.KillSidecarAsync();
        await stack.StartSidecarAsync();
        await burst;

        await stack.WaitForConvergenceAsync(TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task DNS_down_for_10_seconds_during_a_2000_lease_burst_loses_nothing()
    {
        await using var stack = await HookedStack.StartAsync();
        var burst = Perfdhcp.RunDhcp4Async(stack.Lab, new PerfdhcpOptions
        {
            Exchanges = 2000, Clients = 2000, Rate = 400, Timeout = TimeSpan.FromMinutes(3),
        });
        await Poll.UntilAsync(async ct => (await stack.Bind.QueryAsync("host-192-0-2-120.home.arpa", "A", ct)).Count > 0 || burst.IsCompleted,
            TimeSpan.FromSeconds(60), "the burst to be under way in DNS");

        await stack.Bind.StopAsync();
        // The outage itself: a fixed 10 s during which leases keep coming and nothing can be written.
        await Task.Delay(TimeSpan.FromSeconds(10));
        await stack.Bind.StartAgainAsync();
        await burst;

        await stack.WaitForConvergenceAsync(TimeSpan.FromSeconds(120));
    }
}
