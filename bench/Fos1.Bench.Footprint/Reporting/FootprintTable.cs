using System.Globalization;
using System.Text;

namespace Fos1.Bench.Footprint.Reporting;

/// <summary>The markdown table, with each figure checked against issue 9's targets (idle RSS &lt; 60 MB, ready &lt; 1 s).</summary>
public static class FootprintTable
{
    public const double IdleTargetMb = 60;
    public const double ReadyTargetMs = 1000;

    public static string Render(IReadOnlyList<FootprintRow> rows, TimeSpan idle)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| sidecar | starts | ready min ms | ready median ms | ready max ms | < 1 s | CPU to ready median ms | RSS at ready MiB | RSS after {idle.TotalSeconds:0} s idle MiB | idle RSS in MB (10^6) | < 60 MB | load | RSS after load MiB | peak VmHWM MiB |");
        text.AppendLine("|---|--:|--:|--:|--:|---|--:|--:|--:|--:|---|---|--:|--:|");
        foreach (var row in rows)
        {
            var idleMb = row.Idle.RssMib * 1024 * 1024 / 1e6;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Sidecar} | {row.ReadyMs.Count} | {row.Min:0} | {row.Median:0} | {row.Max:0} | {(row.Max < ReadyTargetMs ? "yes" : row.Median < ReadyTargetMs ? "median only" : "no")} | {row.CpuMedian:0} " +
                $"| {row.AtReady.RssMib:0.0} | {row.Idle.RssMib:0.0} | {idleMb:0.0} | {(idleMb < IdleTargetMb ? "yes" : "no")} " +
                $"| {row.Load} | {(row.Loaded is { } loaded ? loaded.RssMib.ToString("0.0", CultureInfo.InvariantCulture) : "-")} | {row.Peak:0.0} |");
        }

        return text.ToString();
    }
}
