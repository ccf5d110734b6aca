using k8s;
using k8s.Models;

namespace Fos1.Manifests.Tests.Kustomize;

/// <summary>A Deployment, StatefulSet or DaemonSet reduced to what the reference and security checks read.</summary>
internal sealed record Workload(string Kind, string Name, V1PodTemplateSpec Template, IReadOnlyList<V1PersistentVolumeClaim> ClaimTemplates)
{
    public V1PodSpec Spec => Template.Spec;

    public IEnumerable<V1Container> Containers => (Spec.InitContainers ?? []).Concat(Spec.Containers ?? []);

    public IDictionary<string, string> Labels => Template.Metadata?.Labels ?? new Dictionary<string, string>();

    public override string ToString() => $"{Kind}/{Name}";

    public static Workload? From(IKubernetesObject item) => item switch
    {
        V1Deployment d => new("Deployment", d.Metadata.Name, d.Spec.Template, []),
        V1StatefulSet s => new("StatefulSet", s.Metadata.Name, s.Spec.Template, s.Spec.VolumeClaimTemplates?.ToList() ?? []),
        V1DaemonSet d => new("DaemonSet", d.Metadata.Name, d.Spec.Template, []),
        _ => null,
    };
}
