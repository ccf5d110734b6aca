namespace Fos1.Manifests.Tests.Observability;

/// <summary>The alert rules: documented metrics only, severity, summary and a runbook that exists, two identical copies.</summary>
public sealed class AlertRuleTests
{
    private static readonly IReadOnlyList<AlertRule> Rules = ObservabilityFolder.Rules();
    private static readonly string[] Severities = ["info", "warning", "critical"];

    [Fact]
    public void The_prometheus_rule_resource_holds_exactly_the_groups_of_the_plain_rules_file()
    {
        Assert.Equal(ObservabilityFolder.Canonical(ObservabilityFolder.PlainGroups()), ObservabilityFolder.Canonical(ObservabilityFolder.OperatorGroups()));
    }

    [Fact]
    public void The_rules_cover_outbox_conflicts_dns_unreachable_drift_kea_rejects_and_publishing()
    {
        string[] expected =
        [
            "Fos1OutboxGrowing", "Fos1OutboxOldestTooOld", "Fos1ConflictsSpiking", "Fos1DnsUnreachable",
            "Fos1DriftNotConverging", "Fos1KeaConfigRejected", "Fos1PublishLagging",
        ];

        Assert.Empty(expected.Except(Rules.Select(r => r.Alert)));
        Assert.Equal(Rules.Count, Rules.Select(r => r.Alert).Distinct().Count());
    }

    [Fact]
    public void Every_rule_has_a_severity_a_summary_a_description_and_a_runbook()
    {
        Assert.All(Rules, rule =>
        {
            Assert.Contains(rule.Labels.GetValueOrDefault("severity"), Severities);
            Assert.False(string.IsNullOrWhiteSpace(rule.Annotations.GetValueOrDefault("summary")), $"{rule.Alert} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(rule.Annotations.GetValueOrDefault("description")), $"{rule.Alert} has no description");
            Assert.StartsWith("docs/troubleshooting.md#", rule.Annotations.GetValueOrDefault("runbook_url") ?? "", StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_runbook_points_at_a_section_of_troubleshooting_md_that_exists()
    {
        var anchors = OperationsDoc.TroubleshootingAnchors();

        var dangling = Rules
            .Select(r => (r.Alert, Anchor: r.Annotations["runbook_url"].Split('#')[1]))
            .Where(r => !anchors.Contains(r.Anchor))
            .Select(r => $"{r.Alert}: #{r.Anchor}")
            .ToList();

        Assert.Empty(dangling);
    }

    [Fact]
    public void Every_metric_the_rules_query_is_in_the_documented_metric_list()
    {
        var documented = OperationsDoc.Metrics().SelectMany(m => m.Series).ToHashSet(StringComparer.Ordinal);

        var unknown = Rules
            .SelectMany(r => ObservabilityFolder.MetricNames(r.Expr).Select(name => (r.Alert, name)))
            .Where(x => !documented.Contains(x.name))
            .Select(x => $"{x.Alert}: {x.name}")
            .ToList();

        Assert.Empty(unknown);
        Assert.All(Rules, r => Assert.NotEmpty(ObservabilityFolder.MetricNames(r.Expr)));
    }

    [Fact]
    public void Every_alert_is_explained_in_operations_md_and_the_table_lists_no_other()
    {
        Assert.Equal(Rules.Select(r => r.Alert).Order(StringComparer.Ordinal), OperationsDoc.Alerts().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Troubleshooting_md_covers_every_common_failure()
    {
        string[] expected =
        [
            "notzone", "notauth-badsig-badkey", "badtime-clock-skew", "yxdomain-and-conflicts", "no-matching-zone",
            "dns-server-unreachable", "outbox-growing", "kea-config-rejected", "hook-spool-files-set-aside",
            "lease_cmds-not-loaded", "crd-status-invalid-or-conflict",
        ];

        Assert.Empty(expected.Except(OperationsDoc.TroubleshootingAnchors()));
    }
}
