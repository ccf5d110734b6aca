using Fos1.Crds.Dhcp;
using Fos1.Crds.Dns;
using k8s;
using k8s.Models;

namespace Fos1.Manifests.Tests.Kustomize;

/// <summary>A rendered kustomization, read strictly (unknown fields throw) into KubernetesClient's models and ours.</summary>
internal sealed class RenderedObjects(IReadOnlyList<IKubernetesObject> objects)
{
    // KubernetesClient's default map knows the built-in kinds; ours are added so a custom resource in a
    // kustomization would be read into its Fos1.Crds model instead of failing as an unknown kind.
    private static readonly Dictionary<string, Type> CustomKinds = new(StringComparer.Ordinal)
    {
        ["dns.fos1.io/v1alpha1/DNSZone"] = typeof(DnsZone),
        ["dns.fos1.io/v1alpha1/PTRZone"] = typeof(PtrZone),
        ["dns.fos1.io/v1alpha1/DNSFilterList"] = typeof(DnsFilterList),
        ["dns.fos1.io/v1alpha1/DNSClient"] = typeof(DnsClient),
        ["dns.fos1.io/v1alpha1/MDNSReflector"] = typeof(MdnsReflector),
        ["dhcp.fos1.io/v1alpha1/DHCPv4Service"] = typeof(DhcpV4Service),
        ["dhcp.fos1.io/v1alpha1/DHCPv6Service"] = typeof(DhcpV6Service),
    };

    public IReadOnlyList<IKubernetesObject> All { get; } = objects;

    public static async Task<RenderedObjects> OfAsync(Kustomization kustomization) =>
        Parse(await KustomizeBuild.RenderAsync(kustomization).ConfigureAwait(false));

    public static RenderedObjects Parse(string yaml) =>
        new(KubernetesYaml.LoadAllFromString(yaml, CustomKinds, strict: true).Cast<IKubernetesObject>().ToList());

    public IEnumerable<T> OfType<T>() => All.OfType<T>();

    public IEnumerable<string> Names<T>()
        where T : IMetadata<V1ObjectMeta> => All.OfType<T>().Select(o => o.Metadata.Name);

    /// <summary>Every pod template, named by its workload.</summary>
    public IEnumerable<Workload> Workloads() => All.Select(Workload.From).OfType<Workload>();
}
