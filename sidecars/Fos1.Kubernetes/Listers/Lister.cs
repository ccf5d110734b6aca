using Fos1.Kubernetes.Resources;
using k8s;
using k8s.Models;

namespace Fos1.Kubernetes.Listers;

/// <summary>
/// The informer's cache as controllers read it: by namespace/name, by namespace, or through named indexes
/// (e.g. "by referenced secret"). Readers get snapshots; only the informer writes.
/// </summary>
public sealed class Lister<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectIndex<T>> _indexes = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public T? Get(string? namespaceName, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            return _items.GetValueOrDefault(ObjectKeys.For(namespaceName, name));
        }
    }

    public IReadOnlyList<T> List()
    {
        lock (_gate)
        {
            return [.. _items.Values];
        }
    }

    /// <summary>The objects in one namespace; a null namespace lists every object.</summary>
    public IReadOnlyList<T> List(string? namespaceName)
    {
        if (namespaceName is null)
        {
            return List();
        }

        lock (_gate)
        {
            return [.. _items.Values.Where(item => string.Equals(item.Metadata?.NamespaceProperty, namespaceName, StringComparison.Ordinal))];
        }
    }

    /// <summary>Adds a named index; objects already cached are indexed at once.</summary>
    public void AddIndex(string name, Func<T, IEnumerable<string>> keys)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            if (_indexes.ContainsKey(name))
            {
                throw new InvalidOperationException($"The index '{name}' already exists.");
            }

            var index = new ObjectIndex<T>(keys);
            foreach (var (key, item) in _items)
            {
                index.Add(key, item);
            }

            _indexes.Add(name, index);
        }
    }

    public IReadOnlyList<T> ByIndex(string name, string key)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (!_indexes.TryGetValue(name, out var index))
            {
                throw new InvalidOperationException($"There is no index '{name}'; add it with AddIndex first.");
            }

            return [.. index.ObjectKeys(key).Select(objectKey => _items[objectKey])];
        }
    }

    /// <summary>Stores the object and returns the one it replaced.</summary>
    internal T? Upsert(T item)
    {
        var key = ObjectKeys.For(item);
        lock (_gate)
        {
            var old = _items.GetValueOrDefault(key);
            if (old is not null)
            {
                RemoveFromIndexes(key, old);
            }

            _items[key] = item;
            foreach (var index in _indexes.Values)
            {
                index.Add(key, item);
            }

            return old;
        }
    }

    /// <summary>Removes the object with this key and returns it (null when it was not cached).</summary>
    internal T? Remove(string key)
    {
        lock (_gate)
        {
            if (!_items.Remove(key, out var old))
            {
                return null;
            }

            RemoveFromIndexes(key, old);
            return old;
        }
    }

    internal IReadOnlyList<string> Keys()
    {
        lock (_gate)
        {
            return [.. _items.Keys];
        }
    }

    private void RemoveFromIndexes(string key, T item)
    {
        foreach (var index in _indexes.Values)
        {
            index.Remove(key, item);
        }
    }
}
