using System.Collections.Concurrent;
using System.Diagnostics;
using Fos1.Bench.Dns.Workload;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;

namespace Fos1.Bench.Dns.Measuring;

/// <summary>
/// Sends a run's UPDATEs with exactly C in flight (C workers, each sending the next plan as soon as its last
/// one is answered or timed out) and, for every N/samples-th name answered NOERROR, starts the publish probes
/// at the moment of the answer.
/// </summary>
public static class UpdateLoad
{
    public static readonly TimeSpan PublishDeadline = TimeSpan.FromSeconds(10);

    public static async Task<RunResult> RunAsync(
        int run, string target, int concurrency, ForwardAdds workload, IDnsUpdateSender sender, DnsUpdateTarget server,
        TimeSpan timeout, int samples, IReadOnlyList<IPublishProbe> probes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(probes);
        var count = workload.Plans.Count;
        var every = samples == 0 ? int.MaxValue : Math.Max(1, count / samples);
        var latencies = new double[count];
        var codes = new ResponseCode?[count];
        var failures = new UpdateFailureKind?[count];
        var probing = new ConcurrentBag<Task<(string Probe, double? Ms)>>();
        var next = -1;
        var lastAnswer = 0L;
        var started = Stopwatch.GetTimestamp();

        async Task WorkAsync()
        {
            await Task.Yield();
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var sent = Stopwatch.GetTimestamp();
                var outcome = await sender.SendAsync(workload.Plans[i], server, timeout, cancellationToken);
                var answered = Stopwatch.GetTimestamp();
                latencies[i] = Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds;
                InterlockedMax(ref lastAnswer, answered);
                switch (outcome)
                {
                    case UpdateAnswered { ResponseCode: var code }:
                        codes[i] = code;
                        if (code == ResponseCode.NoError && i % every == every / 2)
                        {
                            foreach (var probe in probes)
                            {
                                probing.Add(ProbeAsync(probe, workload.Names[i], answered, cancellationToken));
                            }
                        }

                        break;
                    case UpdateFailed { Kind: var kind }:
                        failures[i] = kind;
                        break;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => WorkAsync()));
        var wall = Stopwatch.GetElapsedTime(started, lastAnswer);
        var seen = await Task.WhenAll(probing);
        var publish = probes.Select(probe =>
        {
            var mine = seen.Where(s => s.Probe == probe.Name).ToList();
            return new PublishLatency(probe.Name, [.. mine.Where(s => s.Ms is not null).Select(s => s.Ms!.Value).Order()],
                mine.Count(s => s.Ms is null));
        }).ToList();

        return new RunResult(
            run, target, concurrency, count,
            Accepted: codes.Count(code => code == ResponseCode.NoError),
            Refused: codes.Where(code => code is not null and not ResponseCode.NoError).GroupBy(code => code!.Value.ToString())
                .ToDictionary(group => group.Key, group => group.Count()),
            Timeouts: failures.Count(kind => kind == UpdateFailureKind.Timeout),
            OtherFailures: failures.Count(kind => kind is not null and not UpdateFailureKind.Timeout),
            wall,
            [.. latencies.Order()],
            publish);
    }

    private static async Task<(string Probe, double? Ms)> ProbeAsync(
        IPublishProbe probe, Ddns.DnsName name, long answered, CancellationToken cancellationToken)
    {
        var seen = await probe.WaitVisibleAsync(name, PublishDeadline, cancellationToken);
        return (probe.Name, seen is { } at ? Math.Max(0, Stopwatch.GetElapsedTime(answered, at).TotalMilliseconds) : null);
    }

    private static void InterlockedMax(ref long location, long value)
    {
        var current = Volatile.Read(ref location);
        while (value > current)
        {
            var previous = Interlocked.CompareExchange(ref location, value, current);
            if (previous == current)
            {
                return;
            }

            current = previous;
        }
    }
}
