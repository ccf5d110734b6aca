using k8s.Models;

namespace Fos1.Manifests.Tests.Kustomize;

/// <summary>
/// The agreed health convention (issue 8): each sidecar serves /healthz, /readyz and /metrics on a port named
/// "health", configured by Observability:HttpEndpoint: 9101 kea sidecar, 9102 dns sidecar, 9103 config sidecar.
/// </summary>
public sealed class SidecarProbeTests
{
    private static readonly Dictionary<string, int> HealthPorts = new(StringComparer.Ordinal)
    {
        ["kea-sidecar"] = 9101,
        ["dns-sidecar"] = 9102,
        ["config-sidecar"] = 9103,
    };

    public static TheoryData<string> Paths => Kustomization.Paths;

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_long_running_sidecar_is_probed_on_healthz_and_readyz_at_its_health_port(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));
        var sidecars = rendered.Workloads().SelectMany(w => (w.Spec.Containers ?? []).Where(c => c.Image.Contains("-sidecar:", StringComparison.Ordinal)).Select(c => (w, c))).ToList();

        Assert.NotEmpty(sidecars);
        Assert.All(sidecars, s =>
        {
            var (workload, container) = s;
            Assert.True(HealthPorts.TryGetValue(container.Name, out var port), $"{workload}/{container.Name}: not a known sidecar container name");
            var health = Assert.Single(container.Ports, p => p.Name == "health");
            Assert.Equal(port, health.ContainerPort);
            Assert.Equal($"0.0.0.0:{port}", Assert.Single(container.Env, e => e.Name == "Observability__HttpEndpoint").Value);
            Assert.Equal(("/healthz", "health"), (container.LivenessProbe?.HttpGet?.Path, container.LivenessProbe?.HttpGet?.Port.Value));
            Assert.Equal(("/readyz", "health"), (container.ReadinessProbe?.HttpGet?.Path, container.ReadinessProbe?.HttpGet?.Port.Value));
        });
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_sidecar_watches_only_its_own_namespace_and_elects_under_its_own_lease(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));
        var sidecars = rendered.Workloads().SelectMany(w => (w.Spec.Containers ?? []).Where(c => HealthPorts.ContainsKey(c.Name)).Select(c => (w, c))).ToList();

        Assert.All(sidecars, s =>
        {
            var env = s.c.Env ?? [];
            Assert.Equal("true", Assert.Single(env, e => e.Name == "Kubernetes__Enabled").Value);
            Assert.Equal("metadata.namespace", Assert.Single(env, e => e.Name == "Kubernetes__Namespace").ValueFrom?.FieldRef?.FieldPath);
            Assert.Equal(s.w.Spec.ServiceAccountName, Assert.Single(env, e => e.Name == "Kubernetes__LeaseName").Value);
        });
        Assert.Equal(sidecars.Count, sidecars.Select(s => s.w.Spec.ServiceAccountName).Distinct(StringComparer.Ordinal).Count());
    }
}
