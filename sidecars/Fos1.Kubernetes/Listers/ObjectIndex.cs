namespace Fos1.Kubernetes.Listers;

/// <summary>One named index of a <see cref="Lister{T}"/>: index key -> cache keys. Not thread-safe; the lister locks.</summary>
internal sealed class ObjectIndex<T>(Func<T, IEnumerable<string>> keysOf)
{
    private readonly Dictionary<string, HashSet<string>> _entries = new(StringComparer.Ordinal);

    public void Add(string objectKey, T item)
    {
        foreach (var key in keysOf(item).Distinct(StringComparer.Ordinal))
        {
            if (!_entries.TryGetValue(key, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                _entries.Add(key, set);
            }

            set.Add(objectKey);
        }
    }

    public void Remove(string objectKey, T item)
    {
        foreach (var key in keysOf(item))
        {
            if (_entries.TryGetValue(key, out var set) && set.Remove(objectKey) && set.Count == 0)
            {
                _entries.Remove(key);
            }
        }
    }

    public IEnumerable<string> ObjectKeys(string key) =>
        _entries.TryGetValue(key, out var set) ? set : [];
}
