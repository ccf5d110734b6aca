using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Fos1.Ddns.Reconciliation;
using Fos1.Sidecars.Kea.Pipeline;

namespace Fos1.Ctl.Plan;

/// <summary>A dry-run reconciliation for people (text) and scripts (JSON): what would change, and why.</summary>
public static class PlanReport
{
    public static string RenderText(ReconciliationSurveyResult survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var text = new StringBuilder();
        var counts = survey.Plan.Counts;
        Line(text, $"Read {Leases(survey.Leases4, "DHCPv4")} and {Leases(survey.Leases6, "DHCPv6")}; zones: {string.Join(", ", survey.Zones)}");
        Section(text, "Would add", survey.Plan.Items.Where(i => i.Action == ReconciliationAction.Add).ToList(), '+');
        Section(text, "Would remove", survey.Plan.Items.Where(i => i.Action == ReconciliationAction.Remove).ToList(), '-');
        Section(text, "Left alone", survey.Plan.Items.Where(i => i.Action == ReconciliationAction.Leave).ToList(), '=');
        Line(text, string.Create(CultureInfo.InvariantCulture,
            $"{(counts.Drift == 0 ? "No drift" : "Drift")}: {counts.Adds} to add, {counts.Removes} to remove; {counts.InSync} of {counts.DesiredSides} wanted records in sync; "
            + $"{counts.Conflicts} owned by another client, {counts.HeldWithoutDhcid} static, {counts.Unobserved} outside the zones. Nothing was changed."));
        return text.ToString();
    }

    public static string RenderJson(ReconciliationSurveyResult survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var report = new PlanDocument(
            new PlanLeases(survey.Leases4, survey.Leases6),
            [.. survey.Zones.Select(z => z.ToString())],
            survey.Plan.Counts,
            survey.Plan.Counts.Drift,
            [.. survey.Plan.Items.Select(item => new PlanItem(
                item.Action,
                item.Reason,
                DriftReason.Describe(item.Reason),
                item.Name.ToString(),
                item.Change is null ? null : item.Change.Forward ? "forward" : "reverse",
                item.Change?.Address.ToString(),
                item.Change?.Dhcid.ToString(),
                item.Detail))]);
        return JsonSerializer.Serialize(report, CtlJson.Web.PlanDocument) + "\n";
    }

    private static void Section(StringBuilder text, string title, List<ReconciliationItem> items, char mark)
    {
        if (items.Count == 0)
        {
            return;
        }

        Line(text, string.Create(CultureInfo.InvariantCulture, $"{title} ({items.Count}):"));
        foreach (var item in items)
        {
            var change = item.Change is { } c
                ? $" {(c.Forward ? c.Address.AddressFamily == AddressFamily.InterNetworkV6 ? "AAAA" : "A" : "PTR")} {(c.Forward ? c.Address.ToString() : c.Fqdn.ToString())}"
                : "";
            Line(text, $"  {mark} {item.Name}{change}  [{DriftReason.Describe(item.Reason)}]");
            Line(text, $"      {item.Detail}");
        }
    }

    private static string Leases(int? count, string family) => count is { } n
        ? string.Create(CultureInfo.InvariantCulture, $"{n} active {family} leases")
        : $"no {family} leases (no control channel: not judged)";

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
