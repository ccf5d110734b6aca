namespace Fos1.Dns.Dispatch;

/// <summary>
/// Decides which changes may run now: at most <c>maxRunning</c> at once, never two that share a key,
/// and never one that overtakes an earlier waiting change sharing a key with it. A change can
/// <see cref="Vacate"/> its running slot before it <see cref="Finish"/>es: it then keeps its keys (the
/// changes sharing them still wait) but no longer counts against <c>maxRunning</c>, which is meant for
/// work on the wire, not for a completion waiting for its fsync. Not thread-safe: the dispatcher calls
/// it under its lock. Pure bookkeeping, so the ordering rules are unit-tested.
/// </summary>
public sealed class ChangeOrdering<T>(Func<T, IReadOnlyList<object>> keysOf, int maxRunning)
    where T : class
{
    private readonly LinkedList<T> _waiting = new();
    private readonly HashSet<object> _busy = [];
    private readonly HashSet<T> _vacated = new(ReferenceEqualityComparer.Instance);

    public int Running { get; private set; }

    public int Waiting => _waiting.Count;

    /// <summary>Queues <paramref name="item"/>; returns what may start now, in arrival order.</summary>
    public IReadOnlyList<T> Arrive(T item)
    {
        _waiting.AddLast(item);
        return Startable();
    }

    /// <summary>
    /// <paramref name="item"/> stops counting against the limit but keeps its keys until <see cref="Finish"/>;
    /// returns what may start now, in arrival order. A second call for the same item changes nothing.
    /// </summary>
    public IReadOnlyList<T> Vacate(T item)
    {
        if (!_vacated.Add(item))
        {
            return [];
        }

        Running--;
        return Startable();
    }

    /// <summary>Marks <paramref name="item"/> done (vacated or not); returns what may start now, in arrival order.</summary>
    public IReadOnlyList<T> Finish(T item)
    {
        foreach (var key in keysOf(item))
        {
            _busy.Remove(key);
        }

        if (!_vacated.Remove(item))
        {
            Running--;
        }

        return Startable();
    }

    private List<T> Startable()
    {
        var start = new List<T>();
        var heldBack = new HashSet<object>();
        for (var node = _waiting.First; node is not null && Running < maxRunning;)
        {
            var next = node.Next;
            var keys = keysOf(node.Value);
            if (keys.Any(key => _busy.Contains(key) || heldBack.Contains(key)))
            {
                // Later changes sharing a key with this one must wait behind it.
                heldBack.UnionWith(keys);
            }
            else
            {
                _busy.UnionWith(keys);
                _waiting.Remove(node);
                Running++;
                start.Add(node.Value);
            }

            node = next;
        }

        return start;
    }
}
