using k8s;
using k8s.Models;

namespace Fos1.Kubernetes.Controllers;

/// <summary>Which object to reconcile: namespace (null for cluster-scoped kinds) and name. The work queue's key.</summary>
public sealed record ReconcileRequest(string? Namespace, string Name)
{
    public static ReconcileRequest For(IKubernetesObject<V1ObjectMeta> resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var metadata = resource.Metadata ?? throw new ArgumentException("The object has no metadata.", nameof(resource));
        return new ReconcileRequest(
            string.IsNullOrEmpty(metadata.NamespaceProperty) ? null : metadata.NamespaceProperty,
            metadata.Name ?? throw new ArgumentException("The object has no metadata.name.", nameof(resource)));
    }

    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
