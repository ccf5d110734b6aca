using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fos1.Bench.Reconcile.Reporting;
using Fos1.Bench.Reconcile.Targets;
using Fos1.Bench.Reconcile.Workload;
using Fos1.Testbed.Processes;

namespace Fos1.Bench.Reconcile.Measuring;

/// <summary>
/// One POST /resync on a started stack, timed from the harness's side (answer, outbox empty, zones verified equal by
/// AXFR) and from the sidecar's (phase histograms on /metrics), with its RSS before and VmHWM after.
/// </summary>
public static class FullRun
{
    /// <param name="run">Row label; <paramref name="drifted"/> is false for a /resync after the drift was repaired.</param>
    public static async Task<ReconcileRow> MeasureAsync(
        ReconcileLab stack, ReconcileWorkload workload, ReconcileOptions options, string run, bool drifted, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        string[] zones = [ReconcileWorkload.ForwardZone, ReconcileWorkload.ReverseZone];
        var ignored = zones.Select(zone => ZoneComparison.NameServer(zone).ToString()).ToHashSet(StringComparer.Ordinal);
        var phasesBefore = await PhaseDurations.ScrapeAsync(stack.Http, cancellationToken);
        var before = SidecarMemory.Read(stack.SidecarProcessId);

        var started = Stopwatch.GetTimestamp();
        using var response = await stack.Http.PostAsync(new Uri("/resync", UriKind.Relative), null, cancellationToken);
        var answered = Stopwatch.GetElapsedTime(started);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/resync answered {(int)response.StatusCode}: {body}\n{stack.SidecarOutput}");
        }

        log($"/resync answered after {answered.TotalSeconds:0.00} s: {body}");
        await Poll.UntilAsync(async token => await PendingAsync(stack.Http, token) == 0, TimeSpan.FromMinutes(5),
            "the outbox to drain", () => stack.SidecarOutput, cancellationToken);
        var outboxEmpty = Stopwatch.GetElapsedTime(started);
        log($"outbox empty after {outboxEmpty.TotalSeconds:0.00} s");

        ZoneComparison verified;
        TimeSpan repaired;
        while (true)
        {
            repaired = Stopwatch.GetElapsedTime(started);
            verified = await ZoneComparison.CompareAsync(stack.Bind, zones, workload.Desired, ignored, cancellationToken);
            log($"AXFR check at {repaired.TotalSeconds:0.00} s ({verified.Took.TotalSeconds:0.00} s): {verified.Records} records, {verified.Missing} missing, {verified.Extra} extra {string.Join("; ", verified.Examples)}");
            if (verified.Equal || Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(3))
            {
                break;
            }
        }

        var phases = (await PhaseDurations.ScrapeAsync(stack.Http, cancellationToken)).Since(phasesBefore);
        var after = SidecarMemory.Read(stack.SidecarProcessId);
        var drift = drifted ? $"{options.Missing}/{options.Stale}/{options.Wrong}" : "none (converged)";
        return new ReconcileRow(run, options.Leases, workload.OwnedNames, drift, phases, answered, outboxEmpty, repaired, verified, before, after, body);
    }

    private static async Task<long> PendingAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var status = await http.GetFromJsonAsync<JsonObject>(new Uri("/status", UriKind.Relative), cancellationToken);
        return status?["outbox"]?["pending"]?.GetValue<long>() ?? throw new InvalidOperationException("/status has no outbox.pending");
    }
}
