using System.Globalization;
using System.Text;
using Fos1.Bench.Ncr.Workload;

namespace Fos1.Bench.Ncr.Reporting;

/// <summary>Each target's highest loss-free sustained rate, the ratio to the other targets and to BIND's batch ceiling.</summary>
public static class SustainedTable
{
    /// <summary>Records/s BIND 9.18 applies when 100 changes share one UPDATE (issue 9's reference, this machine).</summary>
    public const int BindBatchCeiling = 17_000;

    public static string Render(IReadOnlyDictionary<string, RateSearch> searches, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(searches);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture,
                $"Highest loss-free sustained rate ({options.SustainSeconds} s of sending per probe, at most {BenchOptions.MaxChangesPerRun} NCRs; " +
                $"landed rate within {options.SustainTolerance:P0} of the offered rate):")
            .AppendLine()
            .AppendLine("| target | sustained NCR/s | first failing NCR/s | probes (rate: ok/FAIL) | RRs/s (4 per NCR) | A+PTR/s | RRs / BIND ceiling |")
            .AppendLine("|---|--:|--:|---|--:|--:|--:|");
        foreach (var (target, search) in searches)
        {
            var best = search.HighestSustained ?? 0;
            var failed = search.LowestFailed is { } fail ? fail.ToString(CultureInfo.InvariantCulture) : "-";
            var probes = string.Join(", ", search.Probes.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Rate}: {(p.Sustained ? "ok" : "FAIL")}")));
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {target} | {best} | {failed} | {probes} | {4 * best} | {2 * best} | {4.0 * best / BindBatchCeiling:0.00}x |"));
        }

        if (searches.TryGetValue(BenchTargetNames.Sidecar, out var sidecar) && searches.TryGetValue(BenchTargetNames.KeaD2, out var d2)
            && d2.HighestSustained is > 0)
        {
            var ratio = (double)(sidecar.HighestSustained ?? 0) / d2.HighestSustained.Value;
            var bound = sidecar.LowestFailed is null ? $" (a lower bound: the sidecar passed every rate up to {options.SustainMax})" : "";
            text.AppendLine()
                .AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"sidecar / d2 = {sidecar.HighestSustained ?? 0} / {d2.HighestSustained} = **{ratio:0.0}x**{bound}"));
        }

        return text.ToString();
    }
}
