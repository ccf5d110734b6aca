using Fos1.Ddns.Leases;

namespace Fos1.Outbox.Expiry;

/// <summary>
/// Which lease removals are due when: pure and in memory (no timers; <see cref="ExpiryTimer"/> drives it,
/// <see cref="LeaseLedger"/> makes it durable). Scheduling a key again (a renewal) moves its expiry.
/// Expiry instants are wall-clock times, as Kea's are. Thread-safe.
/// </summary>
public sealed class ExpirySchedule(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<LeaseKey, Entry> _byKey = [];
    private readonly SortedSet<Entry> _byExpiry = new(EntryOrder.Instance);
    private long _sequence;

    /// <summary>Raised (outside the lock) when a schedule call made the next due time earlier, so a sleeping timer wakes.</summary>
    public event Action? NextDueMovedEarlier;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byKey.Count;
            }
        }
    }

    /// <summary>The earliest expiry, or null when nothing is scheduled.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _byExpiry.Count == 0 ? null : _byExpiry.Min!.Removal.ExpiresAt;
            }
        }
    }

    /// <summary>How long until <see cref="NextDue"/> on the wall clock (zero if already due), or null.</summary>
    public TimeSpan? TimeUntilNextDue =>
        NextDue is { } next ? TimeSpan.FromTicks(Math.Max(0, (next - time.GetUtcNow()).Ticks)) : null;

    /// <summary>Schedules (or, for a known lease, moves) the removal of one lease.</summary>
    public ScheduledRemoval Schedule(NameChange removal, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(removal);
        if (removal.Kind != NameChangeKind.Remove)
        {
            throw new ArgumentException($"the change scheduled at expiry must be a remove, not {removal.Kind}", nameof(removal));
        }

        var scheduled = new ScheduledRemoval(LeaseKey.Of(removal), removal, expiresAt);
        bool earlier;
        lock (_gate)
        {
            var previousNext = _byExpiry.Count == 0 ? (DateTimeOffset?)null : _byExpiry.Min!.Removal.ExpiresAt;
            if (_byKey.Remove(scheduled.Key, out var old))
            {
                _byExpiry.Remove(old);
            }

            var entry = new Entry(scheduled, _sequence++);
            _byKey[scheduled.Key] = entry;
            _byExpiry.Add(entry);
            earlier = previousNext is null || expiresAt < previousNext;
        }

        if (earlier)
        {
            NextDueMovedEarlier?.Invoke();
        }

        return scheduled;
    }

    /// <summary>Forgets a lease (released, or its removal already issued). False if it was not scheduled.</summary>
    public bool Cancel(LeaseKey key)
    {
        lock (_gate)
        {
            if (!_byKey.Remove(key, out var old))
            {
                return false;
            }

            _byExpiry.Remove(old);
            return true;
        }
    }

    /// <summary>Forgets <paramref name="removal"/> only if it is still the current schedule of its lease (not renewed since).</summary>
    public bool Cancel(ScheduledRemoval removal)
    {
        ArgumentNullException.ThrowIfNull(removal);
        return Cancel(removal.Key, removal.ExpiresAt);
    }

    /// <summary>Forgets the lease only if it still expires at <paramref name="expiresAt"/>.</summary>
    public bool Cancel(LeaseKey key, DateTimeOffset expiresAt)
    {
        lock (_gate)
        {
            return _byKey.TryGetValue(key, out var current) && current.Removal.ExpiresAt == expiresAt && Cancel(key);
        }
    }

    public bool IsCurrent(ScheduledRemoval removal)
    {
        ArgumentNullException.ThrowIfNull(removal);
        lock (_gate)
        {
            return IsCurrentLocked(removal);
        }
    }

    /// <summary>Removals whose expiry is at or before <paramref name="at"/>, earliest first (they stay scheduled).</summary>
    public IReadOnlyList<ScheduledRemoval> DueAt(DateTimeOffset at)
    {
        lock (_gate)
        {
            return [.. _byExpiry.TakeWhile(e => e.Removal.ExpiresAt <= at).Select(e => e.Removal)];
        }
    }

    /// <summary>Removals due now on the wall clock.</summary>
    public IReadOnlyList<ScheduledRemoval> Due() => DueAt(time.GetUtcNow());

    /// <summary>Everything scheduled, earliest first (compaction writes this).</summary>
    public IReadOnlyList<ScheduledRemoval> Snapshot()
    {
        lock (_gate)
        {
            return [.. _byExpiry.Select(e => e.Removal)];
        }
    }

    private bool IsCurrentLocked(ScheduledRemoval removal) =>
        _byKey.TryGetValue(removal.Key, out var current) && current.Removal.ExpiresAt == removal.ExpiresAt;

    private sealed record Entry(ScheduledRemoval Removal, long Sequence);

    private sealed class EntryOrder : IComparer<Entry>
    {
        public static EntryOrder Instance { get; } = new();

        public int Compare(Entry? x, Entry? y)
        {
            var byTime = x!.Removal.ExpiresAt.UtcTicks.CompareTo(y!.Removal.ExpiresAt.UtcTicks);
            return byTime != 0 ? byTime : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
