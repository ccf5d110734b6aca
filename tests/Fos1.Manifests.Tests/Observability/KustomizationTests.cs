using Fos1.Manifests.Tests.Crds;
using Fos1.Manifests.Tests.Kustomize;

namespace Fos1.Manifests.Tests.Observability;

/// <summary>manifests/observability renders on its own and stays out of the bases and overlays.</summary>
public sealed class KustomizationTests
{
    private static readonly Kustomization Observability = new("observability");

    [Fact]
    public async Task Kubectl_kustomize_renders_the_rules_the_pod_monitor_and_the_dashboard_config_map()
    {
        var yaml = await KustomizeBuild.RenderAsync(Observability);

        Assert.Contains("kind: PrometheusRule", yaml, StringComparison.Ordinal);
        Assert.Contains("kind: PodMonitor", yaml, StringComparison.Ordinal);
        Assert.Contains("name: fos1-grafana-dashboard", yaml, StringComparison.Ordinal);
        Assert.Contains("grafana_dashboard: \"1\"", yaml, StringComparison.Ordinal);
        Assert.Contains("namespace: fos1", yaml, StringComparison.Ordinal);
        Assert.Contains("\"title\": \"Fos1 DNS/DHCP integration\"", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void No_base_or_overlay_pulls_the_observability_kustomization_in()
    {
        var including = Directory.EnumerateFiles(Path.Combine(ManifestFolder.Root, "manifests"), "kustomization.yaml", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(ObservabilityFolder.Directory, StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("observability", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(including);
    }
}
