using Fos1.Kubernetes.Resources;

namespace Fos1.Testbed.Kubernetes;

/// <summary>A kind the server serves; with a status subresource (every Fos1 CRD has one) writes are split as kube-apiserver splits them.</summary>
internal sealed record ServedKind(ResourceKind Kind, bool HasStatusSubresource)
{
    public static ServedKind Lease { get; } =
        new(new ResourceKind("coordination.k8s.io", "v1", "leases", "Lease"), HasStatusSubresource: false);

    public string Key => Kind.ToString();

    /// <summary>The resource as error messages name it, like kube-apiserver: <c>dnszones.dns.fos1.io</c>.</summary>
    public string Resource => Kind.Group.Length == 0 ? Kind.Plural : $"{Kind.Plural}.{Kind.Group}";
}
