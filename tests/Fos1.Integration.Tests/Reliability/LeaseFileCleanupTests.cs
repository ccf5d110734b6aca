using System.Text.Json.Nodes;
using Fos1.Integration.Tests.Sources;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Processes;

namespace Fos1.Integration.Tests.Reliability;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LeaseFileCleanupTests
{
    [Fact]
    public async Task Kea_s_lease_file_cleanup_rotating_the_file_under_the_tail_during_a_burst_loses_nothing()
    {
        // lfc-interval 1: kea-lfc rotates lease file -> .1 -> .2 every second, all through the burst (grants and renewals).
        // With releases mixed in, 1 run in 2 ended with a name still held by the address's previous client: see
        // docs/reliability.md, "Open finding"; not asserted here until it is understood.
        await using var stack = await HookedStack.StartAsync(memfile: true, customizeKea: dhcp4 => dhcp4["lease-database"]!["lfc-interval"] = 1);
        stack.LeasesFromKea = true;

        await Perfdhcp.RunDhcp4Async(stack.Lab, new PerfdhcpOptions
        {
            Exchanges = 600, Clients = 100, Rate = 100, Timeout = TimeSpan.FromMinutes(2),
        });
        await Poll.UntilAsync(() => File.Exists(stack.Kea.LeaseFile + ".2"), TimeSpan.FromSeconds(20),
            "kea-lfc to have run (it leaves its output in .2)", () => stack.Kea.RecentOutput);

        await stack.WaitForConvergenceAsync(TimeSpan.FromSeconds(60));
        Assert.NotEmpty(await KeaActiveLeases.ReadAsync(stack.Kea));
    }
}
