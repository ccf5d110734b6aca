using System.Diagnostics;
using System.Net;
using Fos1.Bench.Ncr.Targets;
using Fos1.Bench.Ncr.Workload;

namespace Fos1.Bench.Ncr.Measuring;

/// <summary>
/// One run: offer the batch at the run's rate while the prober watches sampled names, then wait until
/// everything landed, nothing landed for the quiet period, or the deadline. Progress is read from the zones' SOA
/// serials every 20 ms (one bump per UPDATE, so the time of the last bump is the time the last record landed, within
/// 20 ms); completeness from a zone transfer, taken whenever the serials have stood still for
/// <see cref="SettleTime"/> after the last NCR was sent (merged UPDATEs carry many changes per bump, so no serial count
/// can say "complete").
/// </summary>
public static class RunMeasurement
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Serials unchanged this long (and every latency sample landed) = worth a zone transfer.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(300);

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
        var dropsBefore = UdpDrops.Read();
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

            // Serials count UPDATEs, not records, so only a transfer says "complete"; one per standstill is enough.
            var settled = Stopwatch.GetElapsedTime(Math.Max(lastGrowth, send.EndTimestamp), now) >= SettleTime;
            if (settled && lastApplied > baseline && prober.Pending == 0 && lastTransferAt != lastApplied)
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

        var dropsAfter = UdpDrops.Read();
        return new RunResult(
            run, send, landed!, Stopwatch.GetElapsedTime(send.StartTimestamp, Math.Max(lastGrowth, send.EndTimestamp)), end,
            prober.Samples, prober.Latencies(), prober.QueriesSent, target.IsRunning, [], [])
        {
            KernelUdpDrops = dropsAfter - dropsBefore,
            DrainLag = lastGrowth > send.EndTimestamp ? Stopwatch.GetElapsedTime(send.EndTimestamp, lastGrowth) : TimeSpan.Zero,
        };
    }

    /// <summary>UPDATEs applied to the run's two zones so far (serials start at 1).</summary>
    private static long Applied(ZoneSerials serials, BenchRun run)
    {
        var forward = serials.Read(run.ForwardZone);
        var reverse = serials.Read(run.ReverseZone);
        return (forward ?? 1) - 1 + (reverse ?? 1) - 1;
    }
}
