using System.Text.Json.Nodes;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Processes;

namespace Fos1.Integration.Tests.Sources;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LeaseExpiryAndMemfileTests
{
    [Fact]
    public async Task Records_of_a_lease_that_runs_out_unrenewed_are_removed_even_when_Kea_never_reports_it()
    {
        // Kea's own reclamation is pushed an hour away: only the sidecar's expiry schedule can act.
        await using var stack = await HookedStack.StartAsync(validLifetime: 20, customizeKea: dhcp4 =>
            dhcp4["expired-leases-processing"] = new JsonObject { ["reclaim-timer-wait-time"] = 3600, ["hold-reclaimed-time"] = 3600 });

        await Perfdhcp.RunDhcp4Async(stack.Lab, new PerfdhcpOptions { Exchanges = 3, Clients = 3 });
        await Poll.UntilAsync(async ct => (await stack.Bind.QueryAsync("host-192-0-2-102.home.arpa", "A", ct)).Count == 1,
            TimeSpan.FromSeconds(15), "the leases' records to appear", () => stack.Sidecar!.RecentOutput);

        foreach (var host in new[] { "100", "101", "102" })
        {
            await Poll.UntilAsync(async ct => (await stack.Bind.QueryAsync($"host-192-0-2-{host}.home.arpa", "A", ct)).Count == 0
                    && (await stack.Bind.QueryAsync($"{host}.2.0.192.in-addr.arpa", "PTR", ct)).Count == 0,
                TimeSpan.FromSeconds(60), $"host-192-0-2-{host}'s records to go when its 20 s lease ran out", () => stack.Sidecar!.RecentOutput);
        }

        Assert.Equal(3, (await stack.Kea.ReadLeasesAsync()).Count);
    }

    [Fact]
    public async Task Leases_learned_by_tailing_Kea_s_lease_file_get_exactly_their_records()
    {
        await using var stack = await HookedStack.StartAsync(memfile: true);

        await Perfdhcp.RunDhcp4Async(stack.Lab, new PerfdhcpOptions { Exchanges = 30, Clients = 15, Rate = 30 });

        await stack.WaitForConvergenceAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(15, (await stack.Kea.ReadLeasesAsync()).Count);
    }
}
