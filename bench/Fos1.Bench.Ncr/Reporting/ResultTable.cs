using System.Globalization;
using System.Text;
using Fos1.Bench.Ncr.Measuring;

namespace Fos1.Bench.Ncr.Reporting;

/// <summary>The markdown table of all runs.</summary>
public static class ResultTable
{
    public static string Render(IEnumerable<RunResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new StringBuilder()
            .AppendLine("| run | target | offered NCR/s | N | sent NCR/s | refused sends | landed fwd | landed rev | lost | p50 ms | p99 ms | duration s | landed NCR/s | samples | end |")
            .AppendLine("|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var r in results)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Run.Index} | {r.Run.Target}{(r.TargetAlive ? "" : " (DIED)")} | {r.Run.Rate} | {r.Run.Changes} | {r.Send.AchievedRate:0} | {r.Send.SendFailures} | {r.Landed.Forward} | {r.Landed.Reverse} | {r.Lost} " +
                $"| {Ms(r.P50)} | {Ms(r.P99)} | {r.Duration.TotalSeconds:0.0} | {r.Landed.Both / Math.Max(r.Duration.TotalSeconds, 1e-9):0} " +
                $"| {r.Latencies.Count}/{r.Samples} | {r.End.ToString().ToLowerInvariant()} |");
        }

        return table.ToString();
    }

    /// <summary>One line per run for progress on stderr.</summary>
    public static string Progress(RunResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return string.Create(CultureInfo.InvariantCulture,
            $"{r.Run.Target} @ {r.Run.Rate}/s: sent {r.Send.Sent} in {r.Send.Duration.TotalSeconds:0.00} s ({r.Send.SendFailures} send errors), " +
            $"landed fwd {r.Landed.Forward} rev {r.Landed.Reverse} both {r.Landed.Both}, lost {r.Lost}, p50 {Ms(r.P50)} ms p99 {Ms(r.P99)} ms, " +
            $"duration {r.Duration.TotalSeconds:0.0} s, end {r.End}, {r.ProbeQueries} probe queries");
    }

    private static string Ms(double? value) => value is { } ms ? ms.ToString("0", CultureInfo.InvariantCulture) : "-";
}
