using System.Text.Json;
using System.Text.RegularExpressions;
using Fos1.Ctl;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Processes;

namespace Fos1.Integration.Tests.OperatorCli;

/// <summary>fos1ctl status and resync against the real kea sidecar process (Observability:HttpEndpoint), real Kea and BIND.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StatusAndResyncAgainstTheSidecarTests
{
    [Fact]
    public async Task Status_shows_the_running_sidecar_and_resync_repairs_drift_then_finds_none_and_a_stopped_sidecar_is_unreachable()
    {
        await using var stack = await CliStack.StartAsync();
        CliRun status = null!;
        await Poll.UntilAsync(async _ => (status = await CliRun.RunAsync("status", "--endpoint", stack.Endpoint)).ExitCode == ExitCodes.Success,
            TimeSpan.FromSeconds(30), "fos1ctl status to report the sidecar ready", () => status + stack.Sidecar.RecentOutput);
        Assert.Contains("kea sidecar ", status.Output, StringComparison.Ordinal);
        Assert.Contains("READY\n", status.Output, StringComparison.Ordinal);
        // The sidecar spells zones as it likes (with or without the final dot); fos1ctl shows them as served.
        Assert.Matches(@"\n  home\.arpa\.? \(forward\) -> " + Regex.Escape(stack.Bind.Endpoint.ToString()) + "\n", status.Output);
        Assert.Matches(@"\n  2\.0\.192\.in-addr\.arpa\.? \(reverse\) -> " + Regex.Escape(stack.Bind.Endpoint.ToString()) + "\n", status.Output);
        Assert.Matches(@"\n  reconciliation +on ", status.Output);
        var json = await CliRun.RunAsync("status", "--endpoint", stack.Endpoint, "--json");
        Assert.Equal(ExitCodes.Success, json.ExitCode);
        Assert.True(JsonDocument.Parse(json.Output).RootElement.GetProperty("ready").GetBoolean());

        // perfdhcp draws its clients at random from -R, so two exchanges may well be one client: count what Kea holds.
        await Perfdhcp.RunDhcp4Async(stack.Lab, new PerfdhcpOptions { Exchanges = 2, Clients = 2 });
        var leases = (await stack.Kea.ReadLeasesAsync()).Count;
        Assert.InRange(leases, 1, 2);
        var resync = await CliRun.RunAsync("resync", "--endpoint", stack.Endpoint);
        Assert.True(resync.ExitCode == ExitCodes.Attention, resync.ToString());
        Assert.StartsWith($"Reconciled {leases} active leases in ", resync.Output, StringComparison.Ordinal);
        Assert.Contains($": {2 * leases} to add, 0 to remove (queued), 0 conflicts left alone\n", resync.Output, StringComparison.Ordinal);
        var name = (await stack.Kea.ReadLeasesAsync()).OrderBy(l => l.Address.ToString(), StringComparer.Ordinal).First().Hostname.TrimEnd('.');
        await Poll.UntilAsync(async ct => (await stack.Bind.QueryAsync(name, "A", ct)).Count == 1, TimeSpan.FromSeconds(30), $"{name} to get its A record");
        CliRun again = resync;
        await Poll.UntilAsync(async _ => (again = await CliRun.RunAsync("resync", "--endpoint", stack.Endpoint)).ExitCode == ExitCodes.Success,
            TimeSpan.FromSeconds(30), "a resync to find nothing left to do", () => again.ToString());
        Assert.Contains(": 0 to add, 0 to remove (queued)", again.Output, StringComparison.Ordinal);

        await stack.Sidecar.KillAsync();
        var gone = await CliRun.RunAsync("status", "--endpoint", stack.Endpoint);
        var goneResync = await CliRun.RunAsync("resync", "--endpoint", stack.Endpoint);
        Assert.Equal(ExitCodes.Unreachable, gone.ExitCode);
        Assert.Equal(ExitCodes.Unreachable, goneResync.ExitCode);
        Assert.Contains($"/status failed: ", gone.Error, StringComparison.Ordinal);
    }
}
