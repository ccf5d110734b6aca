using Fos1.Crds.Dhcp;
using Fos1.Kea.Configuration.Rendering;
using Fos1.Kubernetes.Resources;
using k8s;
using k8s.Models;

namespace Fos1.Sidecars.Kea.Services;

/// <summary>What differs between the DHCPv4Service -> kea-dhcp4 and DHCPv6Service -> kea-dhcp6 controllers.</summary>
/// <param name="Family">4 or 6.</param>
/// <param name="Kind">Where the API server serves the resources.</param>
/// <param name="Render">The pure renderer for the whole set.</param>
public sealed record KeaConfigFamily<T>(
    int Family,
    ResourceKind Kind,
    Func<IEnumerable<T>, KeaConfigTemplate, KeaRenderOptions, KeaConfigRendering> Render)
    where T : class, IKubernetesObject<V1ObjectMeta>, IHasStatus<DhcpServiceStatus>
{
    /// <summary>The controller's one work-queue key: every resource of the family renders into one Kea configuration.</summary>
    public string Key => $"kea-dhcp{Family}";
}

/// <summary>The two families the kea sidecar configures.</summary>
public static class KeaConfigFamilies
{
    public static KeaConfigFamily<DhcpV4Service> V4 { get; } =
        new(4, DhcpKinds.V4Service, (services, template, options) => KeaDhcp4ConfigRenderer.Render(services, template, options));

    public static KeaConfigFamily<DhcpV6Service> V6 { get; } =
        new(6, DhcpKinds.V6Service, (services, template, options) => KeaDhcp6ConfigRenderer.Render(services, template, options));
}
