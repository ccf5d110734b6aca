using System.Globalization;
using System.Text;

namespace Fos1.Bench.Reconcile.Reporting;

/// <summary>The markdown table of <see cref="ReconcileRow"/>s, seconds and MiB.</summary>
public static class ReconcileTable
{
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(30);

    public static string Render(IReadOnlyList<ReconcileRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = new StringBuilder()
            .AppendLine("| run | leases | owned names | drift (missing/stale/wrong) | zones AXFR s | lease pages s | plan s | queue s | /resync answered s | outbox empty s | repaired (verified) s | < 30 s | zones equal | RSS before MiB | peak VmHWM MiB | RSS after MiB |")
            .AppendLine("|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|---|---|--:|--:|--:|");
        foreach (var r in rows)
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Run} | {r.Leases:N0} | {r.OwnedNames:N0} | {r.Drift} | {r.Phases["zones"]:0.00} | {r.Phases["leases"]:0.00} | {r.Phases["plan"]:0.00} | {r.Phases["queue"]:0.00} | {r.Answered.TotalSeconds:0.00} | {r.OutboxEmpty.TotalSeconds:0.00} | {r.Repaired.TotalSeconds:0.00} | {(r.Verified.Equal && r.Repaired < Target ? "yes" : "no")} | {(r.Verified.Equal ? "yes" : $"no: {r.Verified.Missing} missing, {r.Verified.Extra} extra")} | {r.Before.RssMib:0.0} | {r.After.PeakMib:0.0} | {r.After.RssMib:0.0} |"));
        }

        return table.ToString();
    }
}
