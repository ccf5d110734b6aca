using Fos1.Kubernetes.Listers;
using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Resources;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Fos1.Kubernetes.Informers;

/// <summary>
/// The informer's cache side: applies lists and watch events to the <see cref="Lister{T}"/>, tracks the
/// resourceVersion to resume from, and delivers the resulting changes to handlers, one at a time.
/// </summary>
internal sealed class InformerStore<T>(string kind, ILogger logger)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _delivery = new();
    private Action<InformerEvent<T>>[] _handlers = [];
    private string _resourceVersion = "";

    public Lister<T> Lister { get; } = new();

    public string ResourceVersion => Volatile.Read(ref _resourceVersion);

    public void AddHandler(Action<InformerEvent<T>> handler)
    {
        lock (_delivery)
        {
            _handlers = [.. _handlers, handler];
        }
    }

    /// <summary>
    /// Swaps the cache for a fresh list, delivering only differences: what a watch would have told us had it
    /// not missed events. Unchanged objects (same resourceVersion) produce no event.
    /// </summary>
    public void Replace(IReadOnlyList<T> items, string resourceVersion)
    {
        lock (_delivery)
        {
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                listed.Add(ObjectKeys.For(item));
                var old = Lister.Upsert(item);
                if (old is null)
                {
                    Deliver(new InformerEvent<T>(InformerEventType.Added, item));
                }
                else if (!string.Equals(old.Metadata?.ResourceVersion, item.Metadata?.ResourceVersion, StringComparison.Ordinal))
                {
                    Deliver(new InformerEvent<T>(InformerEventType.Updated, item, old));
                }
            }

            foreach (var key in Lister.Keys().Where(key => !listed.Contains(key)))
            {
                if (Lister.Remove(key) is { } gone)
                {
                    Deliver(new InformerEvent<T>(InformerEventType.Deleted, gone));
                }
            }

            Volatile.Write(ref _resourceVersion, resourceVersion);
        }
    }

    public void Apply(WatchEventType type, T resource)
    {
        lock (_delivery)
        {
            switch (type)
            {
                case WatchEventType.Added or WatchEventType.Modified:
                    var old = Lister.Upsert(resource);
                    Deliver(old is null
                        ? new InformerEvent<T>(InformerEventType.Added, resource)
                        : new InformerEvent<T>(InformerEventType.Updated, resource, old));
                    break;
                case WatchEventType.Deleted:
                    var cached = Lister.Remove(ObjectKeys.For(resource));
                    Deliver(new InformerEvent<T>(InformerEventType.Deleted, resource, cached));
                    break;
                case WatchEventType.Error:
                    throw new ResourceExpiredException($"The watch of {kind} sent an ERROR event.");
            }

            if (resource.Metadata?.ResourceVersion is { Length: > 0 } resourceVersion)
            {
                Volatile.Write(ref _resourceVersion, resourceVersion);
            }
        }
    }

    /// <summary>Re-delivers every cached object as a resync; returns how many.</summary>
    public int Resync()
    {
        lock (_delivery)
        {
            var items = Lister.List();
            foreach (var item in items)
            {
                Deliver(new InformerEvent<T>(InformerEventType.Updated, item, item, IsResync: true));
            }

            return items.Count;
        }
    }

    private void Deliver(InformerEvent<T> change)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                handler(change);
            }
            catch (Exception e)
            {
                var key = ObjectKeys.For(change.Object);
                InformerLog.HandlerFailed(logger, e, kind, change.Type, key);
            }
        }
    }
}
