using System.Globalization;
using System.Text;
using Fos1.Bench.Dns.Measuring;

namespace Fos1.Bench.Dns.Reporting;

/// <summary>The markdown table of all runs.</summary>
public static class ResultTable
{
    public static string Render(IReadOnlyList<RunResult> results, IReadOnlyList<string> probeNames)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(probeNames);
        var text = new StringBuilder();
        var probeHeads = probeNames.Select(name => $" publish {name} p50 / p99 ms (seen) |");
        text.Append("| run | target | in flight | N | accepted | refused | timeouts | other failures | wall s | accepted/s | update p50 ms | update p99 ms |")
            .AppendJoin("", probeHeads).Append('\n');
        text.Append("|--:|---|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|").AppendJoin("", probeNames.Select(_ => "--:|")).Append('\n');
        foreach (var r in results)
        {
            var refused = r.Refused.Count == 0 ? "0" : string.Join(", ", r.Refused.Select(pair => $"{pair.Value} {pair.Key}"));
            text.Append(Invariant($"| {r.Run} | {r.Target} | {r.Concurrency} | {r.Updates} | {r.Accepted} | {refused} | {r.Timeouts} | {r.OtherFailures} | "))
                .Append(Invariant($"{r.Wall.TotalSeconds:0.00} | {r.AcceptedPerSecond:0} | {Ms(RunResult.Percentile(r.UpdateLatenciesMs, 0.5))} | "))
                .Append(Ms(RunResult.Percentile(r.UpdateLatenciesMs, 0.99))).Append(" |");
            foreach (var name in probeNames)
            {
                var publish = r.Publish.FirstOrDefault(p => p.Probe == name);
                text.Append(publish is null
                    ? " - |"
                    : Invariant($" {Ms(RunResult.Percentile(publish.LatenciesMs, 0.5))} / {Ms(RunResult.Percentile(publish.LatenciesMs, 0.99))} ({publish.LatenciesMs.Count}/{publish.LatenciesMs.Count + publish.Missed}) |"));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static string Progress(RunResult r) => Invariant(
        $"run {r.Run}: {r.Target} C={r.Concurrency}: {r.Accepted}/{r.Updates} accepted in {r.Wall.TotalSeconds:0.00} s = {r.AcceptedPerSecond:0}/s, ") + Invariant(
        $"timeouts {r.Timeouts}, p50 {Ms(RunResult.Percentile(r.UpdateLatenciesMs, 0.5))} ms; ") +
        string.Join("; ", r.Publish.Select(p => Invariant($"{p.Probe} p50 {Ms(RunResult.Percentile(p.LatenciesMs, 0.5))} ms ({p.LatenciesMs.Count} seen, {p.Missed} missed)")));

    private static string Ms(double? ms) => ms switch
    {
        null => "-",
        < 10 => ms.Value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => ms.Value.ToString("0", CultureInfo.InvariantCulture),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
