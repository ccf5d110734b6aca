namespace Fos1.Kubernetes.Informers;

public enum InformerEventType
{
    Added,
    Updated,
    Deleted,
}

/// <summary>
/// A change the informer's cache went through. <see cref="OldObject"/> is the cached object an update replaced;
/// a periodic resync re-delivers every cached object as an <see cref="InformerEventType.Updated"/> with
/// <see cref="IsResync"/> set and the same object old and new.
/// </summary>
public sealed record InformerEvent<T>(InformerEventType Type, T Object, T? OldObject = null, bool IsResync = false)
    where T : class;
