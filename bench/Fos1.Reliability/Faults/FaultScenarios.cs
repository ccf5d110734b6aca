using Fos1.Testbed.Kea;
using Fos1.Testbed.Processes;

namespace Fos1.Reliability.Faults;

/// <summary>The long faults. Each one: a perfdhcp burst, the fault in the middle of it, then the convergence check.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FaultScenarios(ReliabilityOptions options, CancellationToken cancellationToken)
{
    private TimeSpan Converge => options.ConvergeDeadline;

    public async Task<ScenarioResult> DnsServerStoppedAsync()
    {
        await using var stack = await FaultLab.StartAsync(cancellationToken: cancellationToken);
        var burst = Burst(stack, options.Leases);
        await UnderWayAsync(stack, burst, options.Leases / 10);
        await stack.Bind.StopAsync();
        // The outage itself: a fixed 10 s during which leases keep coming and nothing can be written.
        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        await stack.Bind.StartAgainAsync(cancellationToken);
        await burst;
        return Result("DNS server stopped 10 s mid-burst", $"named stopped for 10 s after {options.Leases / 10} leases", await stack.MeasureConvergenceAsync(Converge, cancellationToken), []);
    }

    public async Task<ScenarioResult> SidecarKilledAsync()
    {
        await using var stack = await FaultLab.StartAsync(cancellationToken: cancellationToken);
        var random = new Random(options.Seed);
        var burst = Burst(stack, options.Leases);
        var expected = TimeSpan.FromSeconds((double)options.Leases / options.Rate);
        var kills = 0;
        for (var round = 0; round < options.KillRounds; round++)
        {
            // A random point in this round's share of the burst.
            await Task.Delay(expected / options.KillRounds * random.NextDouble(), cancellationToken);
            await stack.KillSidecarAsync();
            kills++;
            await stack.StartSidecarAsync(cancellationToken);
        }

        await burst;
        return Result($"kea sidecar SIGKILL x{options.KillRounds}", $"{kills} SIGKILLs at seeded random points (seed {options.Seed}), restarted at once",
            await stack.MeasureConvergenceAsync(Converge, cancellationToken), []);
    }

    public async Task<ScenarioResult> KeaRestartedAsync()
    {
        await using var stack = await FaultLab.StartAsync(cancellationToken: cancellationToken);
        var burst = Burst(stack, options.Leases);
        await UnderWayAsync(stack, burst, options.Leases / 3);
        await stack.RestartKeaAsync(cancellationToken);
        var report = await burst;
        return Result("Kea restarted mid-burst", $"kea-dhcp4 `shutdown` + start after {options.Leases / 3} leases",
            await stack.MeasureConvergenceAsync(Converge, cancellationToken), [$"perfdhcp exit {report.ExitCode}"]);
    }

    public async Task<ScenarioResult> LeaseFileCleanupAsync()
    {
        await using var stack = await FaultLab.StartAsync(
            customizeKea: dhcp4 => dhcp4["lease-database"]!["lfc-interval"] = 1, tailLeaseFile: true, cancellationToken: cancellationToken);
        await Burst(stack, options.Leases);
        var cleaned = File.Exists(stack.Kea.LeaseFile + ".2");
        return Result("memfile LFC rotation while tailing", "sidecar tails the lease file (no hook); lfc-interval 1 s: kea-lfc rotates it all burst long",
            await stack.MeasureConvergenceAsync(Converge, cancellationToken), [cleaned ? "kea-lfc ran (.2 present)" : "kea-lfc output not seen"],
            cleaned ? null : "kea-lfc did not run");
    }

    public async Task<ScenarioResult> OutboxVolumeFullAsync()
    {
        await using var volume = await TmpfsVolume.MountAsync(options.VolumeKiB, cancellationToken);
        await using var stack = await FaultLab.StartAsync(Path.Combine(volume.Path, "state"), cancellationToken: cancellationToken);
        volume.Fill();
        var burst = Burst(stack, options.Leases);
        await Poll.UntilAsync(() => stack.Sidecar!.OutputContains("could not be made durable"), TimeSpan.FromSeconds(60),
            "the sidecar to report the full volume", () => stack.Sidecar!.RecentOutput, cancellationToken);
        var reported = stack.Sidecar!.OutputContains("No space left on device");
        var heldBack = Directory.EnumerateFiles(stack.Spool).Count();
        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        var survived = stack.Sidecar.IsRunning;
        // Die with failed writes behind it, then get the space back.
        await stack.KillSidecarAsync();
        volume.Free();
        await stack.StartSidecarAsync(cancellationToken);
        await burst;
        var figures = await stack.MeasureConvergenceAsync(Converge, cancellationToken);
        var torn = stack.Sidecar!.OutputContains("torn or corrupt tail");
        string[] checks = [reported ? "ENOSPC logged" : "ENOSPC not in log", $"{heldBack} events held in the spool", survived ? "kept running" : "crashed",
            torn ? "journal tail torn" : "journal intact"];
        return Result("outbox volume full", $"state dir on a {options.VolumeKiB} KiB tmpfs filled for 10 s, SIGKILL, space back", figures, checks,
            reported && survived && !torn && heldBack > 0 ? null : string.Join(", ", checks));
    }

    private Task<PerfdhcpReport> Burst(FaultLab stack, int leases) => Perfdhcp.RunDhcp4Async(stack.Lab, new PerfdhcpOptions
    {
        Exchanges = leases, Clients = leases, Rate = options.Rate, Timeout = TimeSpan.FromMinutes(5),
    }, cancellationToken);

    private async Task UnderWayAsync(FaultLab stack, Task burst, int leases) =>
        await Poll.UntilAsync(async ct => burst.IsCompleted || (await KeaActiveLeases.ReadAsync(stack.Kea, ct)).Count >= leases,
            TimeSpan.FromSeconds(120), $"{leases} leases granted", cancellationToken: cancellationToken);

    private static ScenarioResult Result(string scenario, string fault, ConvergenceFigures figures, IReadOnlyList<string> checks, string? failure = null) =>
        new(scenario, fault, figures, checks, failure ?? (figures.Converged ? null : $"not converged: {figures.Difference}"));
}
