using Fos1.Bench.Ncr.Measuring;

namespace Fos1.Bench.Ncr.Workload;

/// <summary>
/// Runs one <see cref="RateSearch"/> per target, alternating probe by probe between the targets (so a drift of
/// the machine hits all of them alike), each probe on a fresh reserved zone pair, after one uncounted warm-up
/// run per target (its row is in the table, marked by its N = the start rate).
/// </summary>
public static class SustainedSearch
{
    public static async Task<IReadOnlyDictionary<string, RateSearch>> RunAsync(
        BenchOptions options, IReadOnlyList<BenchRun> reserved, Func<BenchRun, Task<RunResult>> measure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reserved);
        ArgumentNullException.ThrowIfNull(measure);
        var searches = options.Targets.ToDictionary(
            target => target,
            _ => new RateSearch(options.SustainStart, Math.Max(options.SustainStart, options.SustainMax), 2.0, options.SustainProbes, 0.1));
        var unused = options.Targets.ToDictionary(target => target, target => new Queue<BenchRun>(reserved.Where(run => run.Target == target)));

        // Warm-up: one second at the start rate per target, so the first probe does not pay for JIT and start-up.
        foreach (var target in options.Targets)
        {
            if (unused[target].TryDequeue(out var slot))
            {
                var result = await measure(slot with { Rate = options.SustainStart, Changes = options.SustainStart });
                Console.Error.WriteLine($"  {target}: warm-up ({SustainedVerdict.Reason(result, options.SustainTolerance) ?? "sustained"}; not counted)");
            }
        }

        while (searches.Any(search => search.Value.Next is not null && unused[search.Key].Count > 0))
        {
            foreach (var (target, search) in searches)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (search.Next is not { } rate || !unused[target].TryDequeue(out var slot))
                {
                    continue;
                }

                var changes = (int)Math.Clamp((long)rate * options.SustainSeconds, 1, BenchOptions.MaxChangesPerRun);
                var result = await measure(slot with { Rate = rate, Changes = changes });
                var reason = SustainedVerdict.Reason(result, options.SustainTolerance);
                if (SustainedVerdict.PacerFellShort(result))
                {
                    // The bench, not the target, missed the rate (a starved machine): try the same rate again.
                    Console.Error.WriteLine($"  {target} @ {rate}/s: inconclusive ({reason}), probing again");
                    continue;
                }

                Console.Error.WriteLine($"  {target} @ {rate}/s: {reason ?? "sustained"}");
                search.Record(rate, reason is null);
            }
        }

        return searches;
    }
}
