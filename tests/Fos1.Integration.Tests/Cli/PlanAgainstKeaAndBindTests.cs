using System.Text.Json;
using Fos1.Ctl;
using Fos1.Ddns;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Processes;

namespace Fos1.Integration.Tests.OperatorCli;

/// <summary>fos1ctl plan and check-config against real kea-dhcp4 (lease_cmds), real BIND and the real kea sidecar's configuration.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PlanAgainstKeaAndBindTests
{
    [Fact]
    public async Task Plan_reports_exactly_a_lease_without_records_and_a_stale_record_and_changes_nothing()
    {
        await using var stack = await CliStack.StartAsync();
        await Perfdhcp.RunDhcp4Async(stack.Lab, new PerfdhcpOptions { Exchanges = 3, Clients = 3 });
        // perfdhcp draws its clients at random from -R: count the leases Kea actually holds.
        var leases = (await stack.Kea.ReadLeasesAsync()).OrderBy(l => l.Address.ToString(), StringComparer.Ordinal).ToList();
        Assert.InRange(leases.Count, 1, 3);
        // DNS learns the leases from the sidecar's own reconciliation; plan then sees no drift at all.
        // (Its start-up run may already have seen the leases: then this resync finds nothing, exit 0.)
        var first = await CliRun.RunAsync("resync", "--endpoint", stack.Endpoint);
        Assert.True(first.ExitCode is ExitCodes.Attention or ExitCodes.Success, first.ToString());
        CliRun plan = first;
        await Poll.UntilAsync(async _ => (plan = await CliRun.RunAsync(["plan", .. stack.ConfigArguments])).ExitCode == ExitCodes.Success,
            TimeSpan.FromSeconds(30), "fos1ctl plan to find no drift after the resync", () => plan + stack.Sidecar.RecentOutput);
        Assert.Contains($"No drift: 0 to add, 0 to remove; {2 * leases.Count} of {2 * leases.Count} wanted records in sync", plan.Output, StringComparison.Ordinal);

        // Behind the sidecar's back: one lease loses its name, and a name no lease backs appears.
        var victim = leases[0].Hostname.TrimEnd('.');
        var staleOwner = ClientIdentity.FromHardwareAddress(1, [0xaa, 0xbb, 0xcc, 0, 0, 0x77]).ComputeDhcid(DnsName.Parse("stale.home.arpa"));
        await stack.Bind.UpdateAsync("home.arpa", [$"update delete {victim}."]);
        await stack.Bind.UpdateAsync("home.arpa", ["update add stale.home.arpa. 600 IN A 192.0.2.77", $"update add stale.home.arpa. 600 IN DHCID {staleOwner}"]);

        var json = await CliRun.RunAsync(["plan", .. stack.ConfigArguments, "--json"]);
        var text = await CliRun.RunAsync(["plan", .. stack.ConfigArguments]);

        Assert.True(json.ExitCode == ExitCodes.Attention, json.ToString());
        var report = JsonDocument.Parse(json.Output).RootElement;
        var drift = report.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("action").GetString() != "leave")
            .Select(i => $"{i.GetProperty("action").GetString()} {i.GetProperty("reason").GetString()} {i.GetProperty("name").GetString()} {i.GetProperty("address").GetString()}")
            .ToList();
        Assert.Equal([$"add forwardMissing {victim}. {leases[0].Address}", "remove unbackedForwardName stale.home.arpa. 192.0.2.77"], drift);
        Assert.Equal(leases.Count, report.GetProperty("leases").GetProperty("v4").GetInt32());
        Assert.Equal(ExitCodes.Attention, text.ExitCode);
        Assert.Contains($"  + {victim}. A {leases[0].Address}  [lease without records]\n", text.Output, StringComparison.Ordinal);
        Assert.Contains("  - stale.home.arpa. A 192.0.2.77  [record without lease]\n", text.Output, StringComparison.Ordinal);
        // Progress goes to stderr, one line per zone and per page of leases.
        Assert.Contains($"zone home.arpa. from {stack.Bind.Endpoint}: ", text.Error, StringComparison.Ordinal);
        Assert.Contains($"DHCPv4 leases from unix:{stack.Kea.ControlSocketPath}: {leases.Count} read, {leases.Count} active, done", text.Error, StringComparison.Ordinal);

        // A dry run: DNS is exactly as it was left.
        Assert.Equal(["192.0.2.77"], await stack.Bind.QueryAsync("stale.home.arpa", "A"));
        Assert.Empty(await stack.Bind.QueryAsync(victim, "A"));
    }

    [Fact]
    public async Task Check_config_accepts_the_sidecars_configuration_and_a_dangling_control_socket_is_still_valid()
    {
        await using var stack = await CliStack.StartAsync();

        var run = await CliRun.RunAsync(["check-config", .. stack.ConfigArguments]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal("ok: sidecar configuration\n", run.Output);
    }
}
