using Fos1.Kubernetes.Informers;
using k8s;
using k8s.Models;

namespace Fos1.Sidecars.Config.Resources;

/// <summary>Which informer events are worth a reconcile of the whole set.</summary>
internal static class SpecChanges
{
    /// <summary>
    /// Everything but a status-only update (same generation): our own status writes come back as watch events and
    /// must not cause another apply. Resyncs count, so the set is re-applied periodically even without changes.
    /// </summary>
    public static bool Matter<T>(InformerEvent<T> change)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        change is not { Type: InformerEventType.Updated, IsResync: false, OldObject: { } old }
        || old.Metadata?.Generation is not { } before
        || before != change.Object.Metadata?.Generation;
}
