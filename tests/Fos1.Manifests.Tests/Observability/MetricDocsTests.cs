using System.Text.RegularExpressions;
using Fos1.Manifests.Tests.Crds;

namespace Fos1.Manifests.Tests.Observability;

/// <summary>docs/operations.md documents every instrument the sidecars create, under the name the exporter gives it.</summary>
public sealed partial class MetricDocsTests
{
    private static readonly IReadOnlyList<DocumentedMetric> Documented = OperationsDoc.Metrics();
    private static readonly string[] Types = ["counter", "gauge", "histogram"];

    [Fact]
    public void The_metric_tables_are_found_and_every_row_has_a_known_type()
    {
        Assert.True(Documented.Count >= 60, $"only {Documented.Count} metric rows parsed from docs/operations.md");
        Assert.All(Documented, m => Assert.Contains(m.Type, Types));
    }

    [Fact]
    public void Every_documented_prometheus_name_is_what_the_opentelemetry_exporter_makes_of_its_instrument()
    {
        var wrong = Documented
            .Where(m => PrometheusNaming.NameOf(m.Instrument, m.Unit, m.Type) != m.PrometheusName)
            .Select(m => $"{m.Instrument} ({m.Type}, {m.Unit}) is exported as {PrometheusNaming.NameOf(m.Instrument, m.Unit, m.Type)}, documented as {m.PrometheusName}")
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void No_instrument_is_documented_twice()
    {
        Assert.Empty(Documented.GroupBy(m => m.Instrument).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void Every_instrument_the_sidecars_create_is_documented()
    {
        var documented = Documented.Select(m => m.Instrument).ToHashSet(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(Path.Combine(ManifestFolder.Root, "sidecars"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));

        var undocumented = sources
            .SelectMany(f => InstrumentLiteral().Matches(File.ReadAllText(f)).Select(m => (Name: m.Groups[1].Value, File: Path.GetRelativePath(ManifestFolder.Root, f))))
            .Where(found => !documented.Contains(found.Name))
            .Select(found => $"{found.Name} ({found.File})")
            .Distinct()
            .ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void The_issue_8_instruments_are_all_there()
    {
        string[] expected =
        [
            "fos1_lease_events_total", "fos1_lease_changes_total", "fos1_dns_updates_total", "fos1_ddns_conflicts_total",
            "fos1_outbox_pending", "fos1_outbox_oldest_age_seconds", "fos1_lease_apply_latency_milliseconds",
            "fos1_reconciliation_runs_total", "fos1_reconciliation_drift_total", "fos1_reconciliation_drift_fixed_total",
            "fos1_zones_records", "fos1_dns_server_updates_total", "fos1_dns_publish_duration_seconds",
            "fos1_kea_config_renders_total", "fos1_kea_config_applies_total", "fos1_kea_config_rejects_total",
            "fos1_adguard_converges_total", "fos1_avahi_applies_total",
        ];

        Assert.Empty(expected.Except(Documented.Select(m => m.PrometheusName)));
    }

    // Every "fos1.<...>" string literal in the sidecars' code is an instrument name (asserted by this test staying green).
    [GeneratedRegex("\"(fos1\\.[a-z0-9_.]+)\"")]
    private static partial Regex InstrumentLiteral();
}
