using Fos1.Integration.Tests.Sources;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Processes;

namespace Fos1.Integration.Tests.Reliability;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KeaRestartTests
{
    [Fact]
    public async Task Kea_shut_down_and_started_again_in_the_middle_of_a_burst_loses_nothing_and_leaves_nothing_stale()
    {
        await using var stack = await HookedStack.StartAsync(reconcile: true, reconcileEverySeconds: 5);
        var burst = Perfdhcp.RunDhcp4Async(stack.Lab, new PerfdhcpOptions
        {
            Exchanges = 400, Clients = 400, Rate = 100, ReleaseRate = 10, Timeout = TimeSpan.FromMinutes(2),
        });
        await Poll.UntilAsync(async ct => (await stack.Kea.ReadLeasesAsync(ct)).Count >= 30 || burst.IsCompleted,
            TimeSpan.FromSeconds(30), "the burst to be under way in Kea");

        await stack.Kea.SendCommandAsync("shutdown");
        await Poll.UntilAsync(() => !stack.Kea.IsRunning, TimeSpan.FromSeconds(20), "kea-dhcp4 to exit", () => stack.Kea.RecentOutput);
        await using var restarted = await KeaDhcpRestart.StartAsync(stack.Kea, stack.Lab);
        await burst;

        await stack.WaitForConvergenceAsync(TimeSpan.FromSeconds(60));
        Assert.NotEmpty(await stack.Kea.ReadLeasesAsync());
        Assert.True(restarted.IsRunning, restarted.RecentOutput);
    }
}
