namespace Fos1.Manifests.Tests.Observability;

/// <summary>The Grafana dashboard "Fos1 DNS/DHCP integration" parses and queries only documented metrics.</summary>
public sealed class DashboardTests
{
    private static readonly HashSet<string> DocumentedSeries =
        OperationsDoc.Metrics().SelectMany(m => m.Series).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void The_dashboard_json_parses_with_its_title_uid_and_a_prometheus_datasource_variable()
    {
        using var dashboard = ObservabilityFolder.Dashboard();
        var root = dashboard.RootElement;

        Assert.Equal("Fos1 DNS/DHCP integration", root.GetProperty("title").GetString());
        Assert.Equal("fos1-dns-dhcp", root.GetProperty("uid").GetString());
        var variable = Assert.Single(root.GetProperty("templating").GetProperty("list").EnumerateArray());
        Assert.Equal(("datasource", "prometheus"), (variable.GetProperty("type").GetString(), variable.GetProperty("query").GetString()));
    }

    [Fact]
    public void Every_panel_has_a_unique_id_and_at_least_one_query()
    {
        using var dashboard = ObservabilityFolder.Dashboard();
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();

        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.All(ObservabilityFolder.Panels(), p => Assert.NotEmpty(p.Exprs));
    }

    [Fact]
    public void Every_metric_the_dashboard_queries_is_in_the_documented_metric_list()
    {
        var unknown = ObservabilityFolder.Panels()
            .SelectMany(p => p.Exprs.SelectMany(ObservabilityFolder.MetricNames).Select(name => (p.Title, name)))
            .Where(x => !DocumentedSeries.Contains(x.name))
            .Select(x => $"{x.Title}: {x.name}")
            .ToList();

        Assert.Empty(unknown);
        Assert.All(ObservabilityFolder.Panels(), p => Assert.All(p.Exprs, e => Assert.NotEmpty(ObservabilityFolder.MetricNames(e))));
    }

    [Fact]
    public void The_dashboard_shows_what_the_issue_asks_for()
    {
        var queried = ObservabilityFolder.Panels().SelectMany(p => p.Exprs.SelectMany(ObservabilityFolder.MetricNames)).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "fos1_lease_changes_total", "fos1_lease_events_total", "fos1_dns_updates_total", "fos1_ddns_conflicts_total",
            "fos1_outbox_pending", "fos1_outbox_oldest_age_seconds", "fos1_lease_apply_latency_milliseconds_bucket",
            "fos1_reconciliation_drift_total", "fos1_reconciliation_drift_fixed_total", "fos1_zones_records",
            "fos1_dns_server_updates_total", "fos1_dns_publish_duration_seconds_bucket", "fos1_kea_config_applies_total",
            "fos1_kea_config_rejects_total", "fos1_adguard_converges_total", "fos1_avahi_applies_total",
        ];

        Assert.Empty(expected.Except(queried));
    }
}
