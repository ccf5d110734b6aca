using System.Globalization;
using System.Text;
using Fos1.Bench.Ncr.Measuring;
using Fos1.Bench.Ncr.Workload;

namespace Fos1.Bench.Ncr.Reporting;

/// <summary>The markdown table of all runs.</summary>
public static class ResultTable
{
    /// <param name="sustainTolerance">Given in sustained mode: adds each run's verdict.</param>
    public static string Render(IEnumerable<RunResult> results, double? sustainTolerance = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var withVerdict = sustainTolerance is not null;
        var table = new StringBuilder()
            .AppendLine("| run | target | offered NCR/s | N | sent NCR/s | refused sends | kernel drops | landed fwd | landed rev | lost | p50 ms | p99 ms | duration s | lag s | landed NCR/s | samples | end |" + (withVerdict ? " sustained |" : ""))
            .AppendLine("|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|" + (withVerdict ? "---|" : ""));
        foreach (var r in results)
        {
            var drops = r.KernelUdpDrops is { } d ? d.ToString(CultureInfo.InvariantCulture) : "-";
            var verdict = sustainTolerance is { } tolerance ? $" {SustainedVerdict.Reason(r, tolerance) ?? "yes"} |" : "";
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Run.Index} | {r.Run.Target}{(r.TargetAlive ? "" : " (DIED)")} | {r.Run.Rate} | {r.Run.Changes} | {r.Send.AchievedRate:0} | {r.Send.SendFailures} | {drops} | {r.Landed.Forward} | {r.Landed.Reverse} | {r.Lost} | {Ms(r.P50)} | {Ms(r.P99)} | {r.Duration.TotalSeconds:0.00} | {r.DrainLag.TotalSeconds:0.00} | {r.LandedRate:0} | {r.Latencies.Count}/{r.Samples} | {r.End.ToString().ToLowerInvariant()} |{verdict}"));
        }

        return table.ToString();
    }

    /// <summary>One line per run for progress on stderr.</summary>
    public static string Progress(RunResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return string.Create(CultureInfo.InvariantCulture,
            $"{r.Run.Target} @ {r.Run.Rate}/s x {r.Run.Changes}: sent in {r.Send.Duration.TotalSeconds:0.00} s ({r.Send.SendFailures} send errors, {r.KernelUdpDrops} kernel drops), " +
            $"landed fwd {r.Landed.Forward} rev {r.Landed.Reverse} both {r.Landed.Both}, lost {r.Lost}, p50 {Ms(r.P50)} ms p99 {Ms(r.P99)} ms, " +
            $"duration {r.Duration.TotalSeconds:0.00} s (lag {r.DrainLag.TotalSeconds:0.00} s), end {r.End}, {r.ProbeQueries} probe queries");
    }

    private static string Ms(double? value) => value is { } ms ? ms.ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
