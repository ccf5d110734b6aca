using k8s.Models;

namespace Fos1.Manifests.Tests.Kustomize;

/// <summary>Only the kea pod (or, where the CNI sees host-network pods as the node, the node network) reaches the RFC 2136 port.</summary>
public sealed class NetworkPolicyTests
{
    private const int UpdatePort = 8053;

    public static TheoryData<string> DnsPaths => new(Kustomization.All.Where(k => k.IsDns).Select(k => k.Path));

    [Theory]
    [MemberData(nameof(DnsPaths))]
    public async Task The_dns_sidecar_listens_for_updates_on_the_port_the_policy_guards(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));
        var sidecar = rendered.Workloads().SelectMany(w => w.Spec.Containers).Single(c => c.Name == "dns-sidecar");

        Assert.Equal($"0.0.0.0:{UpdatePort}", sidecar.Env.Single(e => e.Name == "DnsSidecar__UpdateEndpoint").Value);
        Assert.Equal([UpdatePort, UpdatePort], sidecar.Ports.Where(p => p.Name.StartsWith("update-", StringComparison.Ordinal)).Select(p => p.ContainerPort));
    }

    [Theory]
    [MemberData(nameof(DnsPaths))]
    public async Task Every_ingress_rule_that_opens_the_update_port_admits_only_the_kea_pod_or_an_address_block(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));
        var primary = rendered.Workloads().Single(w => w.Name == "fos1-dns");
        var policies = rendered.OfType<V1NetworkPolicy>()
            .Where(p => p.Spec.PodSelector.MatchLabels.All(kv => primary.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value))
            .ToList();

        var policy = Assert.Single(policies);
        Assert.Equal(["Ingress"], policy.Spec.PolicyTypes);
        var opening = policy.Spec.Ingress.Where(r => r.Ports is null || r.Ports.Any(p => p.Port?.Value == UpdatePort.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(opening);
        Assert.All(opening, rule =>
        {
            Assert.NotNull(rule.FromProperty);
            Assert.NotEmpty(rule.FromProperty);
            Assert.All(rule.FromProperty, peer => Assert.True(
                peer.IpBlock is not null || (peer.PodSelector?.MatchLabels is { } labels && labels.TryGetValue("app.kubernetes.io/name", out var name) && name == "fos1-kea" && peer.NamespaceSelector is null),
                "a peer other than the kea pod or an address block may reach the update port"));
        });
    }
}
