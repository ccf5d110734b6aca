using k8s;
using k8s.Models;

namespace Fos1.Kubernetes.Resources;

/// <summary>The cache key of an object: <c>namespace/name</c>, or just <c>name</c> for cluster-scoped kinds (as client-go).</summary>
public static class ObjectKeys
{
    public static string For(string? @namespace, string name) =>
        string.IsNullOrEmpty(@namespace) ? name : $"{@namespace}/{name}";

    public static string For(IKubernetesObject<V1ObjectMeta> resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var metadata = resource.Metadata ?? throw new ArgumentException("The object has no metadata.", nameof(resource));
        return For(metadata.NamespaceProperty, metadata.Name ?? throw new ArgumentException("The object has no metadata.name.", nameof(resource)));
    }
}
