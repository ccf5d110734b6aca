using System.Diagnostics;
using System.Net;
using Fos1.Bench.Ncr.Targets;
using Fos1.Bench.Ncr.Workload;

namespace Fos1.Bench.Ncr.Measuring;

/// <summary>
/// One run: offer the batch at the run's rate while the prober watches sampled names, then wait until
/// everything landed (SOA serials + a zone transfer), nothing landed for the quiet period, or the deadline.
/// </summary>
public static class RunMeasurement
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<RunResult> MeasureAsync(
        BenchRun run, INcrTarget target, IPEndPoint dnsServer, BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var batch = NcrBatch.For(run);
        var sentAt = new long[run.Changes];
        using var serials = new ZoneSerials(dnsServer);
        var baseline = Applied(serials, run);
        using var prober = new LandingProber(dnsServer, run, options.LatencySamples, sentAt, options.ProbeQueriesPerSecond);
        prober.Start();
        var send = await PacedSender.SendAsync(target.Endpoint, batch.Datagrams, run.Rate, sentAt);

        var lastApplied = baseline;
        var lastGrowth = send.StartTimestamp;
        var lastTransferAt = -1L;
        LandedRecords? landed = null;
        DrainEnd end;
        while (true)
        {
            var applied = Applied(serials, run);
            var now = Stopwatch.GetTimestamp();
            if (applied > lastApplied)
            {
                lastApplied = applied;
                lastGrowth = now;
            }

            // Serials count UPDATEs, not records: a retried UPDATE can bump one twice, so "complete" is confirmed by AXFR.
            if (lastApplied - baseline >= 2L * run.Changes && prober.Pending == 0 && lastTransferAt != lastApplied)
            {
                lastTransferAt = lastApplied;
                landed = await ZoneTransfer.CountAsync(dnsServer, run, cancellationToken);
                if (landed.Both == run.Changes)
                {
                    end = DrainEnd.Complete;
                    break;
                }
            }

            if (Stopwatch.GetElapsedTime(Math.Max(lastGrowth, send.EndTimestamp), now) >= options.Quiet)
            {
                end = DrainEnd.Quiet;
                break;
            }

            if (Stopwatch.GetElapsedTime(send.EndTimestamp, now) >= options.DrainDeadline)
            {
                end = DrainEnd.Deadline;
                break;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        prober.Stop();
        if (end != DrainEnd.Complete)
        {
            landed = await ZoneTransfer.CountAsync(dnsServer, run, cancellationToken);
        }

        return new RunResult(
            run, send, landed!, Stopwatch.GetElapsedTime(send.StartTimestamp, Math.Max(lastGrowth, send.EndTimestamp)), end,
            prober.Samples, prober.Latencies(), prober.QueriesSent, target.IsRunning, [], []);
    }

    /// <summary>UPDATEs applied to the run's two zones so far (serials start at 1).</summary>
    private static long Applied(ZoneSerials serials, BenchRun run)
    {
        var forward = serials.Read(run.ForwardZone);
        var reverse = serials.Read(run.ReverseZone);
        return (forward ?? 1) - 1 + (reverse ?? 1) - 1;
    }
}
