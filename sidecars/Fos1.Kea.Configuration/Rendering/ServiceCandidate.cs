using System.Net;
using System.Text.Json.Nodes;
using Fos1.Crds.Dhcp;
using Fos1.Kubernetes.Resources;
using k8s.Models;

namespace Fos1.Kea.Configuration.Rendering;

/// <summary>A CR reduced to what composing the configuration needs, independent of the address family.</summary>
/// <param name="Problem">Why the CR is invalid; null when it passed the checks (then <paramref name="Subnets"/> is complete).</param>
internal sealed record ServiceCandidate(
    string Namespace,
    string Name,
    long? Generation,
    DateTime? Created,
    IReadOnlyList<string> Interfaces,
    DnsUpdates DnsUpdates,
    string? Problem,
    IReadOnlyList<SubnetCandidate> Subnets)
{
    public string Key => ObjectKeys.For(Namespace, Name);

    /// <summary>The family-independent part of a CR: its identity, interfaces, DDNS settings and verdict.</summary>
    /// <param name="subnets">The CR's subnets given its key; called only when <paramref name="problem"/> is null.</param>
    public static ServiceCandidate From(
        V1ObjectMeta metadata, IReadOnlyList<string>? interfaces, DnsUpdates? dnsUpdates, string? problem,
        Func<string, IReadOnlyList<SubnetCandidate>> subnets)
    {
        var name = metadata.Name ?? "";
        return new ServiceCandidate(
            metadata.NamespaceProperty ?? "",
            name,
            metadata.Generation,
            metadata.CreationTimestamp,
            interfaces ?? [],
            dnsUpdates ?? new DnsUpdates(),
            problem,
            problem is null ? subnets(ObjectKeys.For(metadata.NamespaceProperty, name)) : []);
    }
}

/// <summary>One subnet of a CR: its network, the id the CR asked for, and how to render it once its id is known.</summary>
/// <param name="Render">(subnet id, the one interface the subnet is on or null) -> the Kea subnet object.</param>
internal sealed record SubnetCandidate(IPNetwork Network, uint? ExplicitId, Func<uint, string?, JsonObject> Render);
