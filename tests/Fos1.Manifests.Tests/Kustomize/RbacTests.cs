using k8s.Models;

namespace Fos1.Manifests.Tests.Kustomize;

/// <summary>Least privilege: each sidecar's Role is exactly its kinds (read), their status (patch) and its Lease.</summary>
public sealed class RbacTests
{
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["fos1-kea-sidecar"] =
        [
            "dhcp.fos1.io dhcpv4services,dhcpv6services get,list,watch",
            "dhcp.fos1.io dhcpv4services/status,dhcpv6services/status patch",
            "coordination.k8s.io leases create,get,update",
        ],
        ["fos1-dns-sidecar"] =
        [
            "dns.fos1.io dnszones,ptrzones get,list,watch",
            "dns.fos1.io dnszones/status,ptrzones/status patch",
            "coordination.k8s.io leases create,get,update",
        ],
        ["fos1-config-sidecar-adguard"] =
        [
            "dns.fos1.io dnsclients,dnsfilterlists get,list,watch",
            "dns.fos1.io dnsclients/status,dnsfilterlists/status patch",
            "coordination.k8s.io leases create,get,update",
        ],
        ["fos1-config-sidecar-mdns"] =
        [
            "dns.fos1.io mdnsreflectors get,list,watch",
            "dns.fos1.io mdnsreflectors/status patch",
            "coordination.k8s.io leases create,get,update",
        ],
    };

    public static TheoryData<string> Paths => Kustomization.Paths;

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Each_sidecar_role_grants_exactly_the_verbs_and_resources_the_sidecar_uses(string path)
    {
        var kustomization = new Kustomization(path);
        var rendered = await RenderedObjects.OfAsync(kustomization);
        var expectedRoles = kustomization.IsDns
            ? new[] { "fos1-config-sidecar-adguard", "fos1-config-sidecar-mdns", "fos1-dns-sidecar" }
            : new[] { "fos1-kea-sidecar" };

        Assert.Equal(expectedRoles, rendered.Names<V1Role>().Order(StringComparer.Ordinal));
        Assert.Empty(rendered.OfType<V1ClusterRole>());
        Assert.Empty(rendered.OfType<V1ClusterRoleBinding>());
        Assert.All(rendered.OfType<V1Role>(), role => Assert.Equal(Expected[role.Metadata.Name], role.Rules.Select(Describe)));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Each_sidecar_pod_runs_under_the_account_its_role_is_bound_to(string path)
    {
        var rendered = await RenderedObjects.OfAsync(new Kustomization(path));
        var bound = rendered.OfType<V1RoleBinding>().SelectMany(b => b.Subjects.Select(s => (Account: s.Name, Role: b.RoleRef.Name))).ToHashSet();

        var sidecarPods = rendered.Workloads().Where(w => w.Containers.Any(c => c.Image.Contains("-sidecar:", StringComparison.Ordinal))).ToList();

        Assert.All(sidecarPods, w => Assert.Contains((w.Spec.ServiceAccountName, w.Spec.ServiceAccountName), bound));
    }

    private static string Describe(V1PolicyRule rule) =>
        $"{string.Join(',', rule.ApiGroups)} {string.Join(',', rule.Resources.Order(StringComparer.Ordinal))} {string.Join(',', rule.Verbs.Order(StringComparer.Ordinal))}" +
        (rule.ResourceNames is { Count: > 0 } || rule.NonResourceURLs is { Count: > 0 } ? " +names/urls" : "");
}
