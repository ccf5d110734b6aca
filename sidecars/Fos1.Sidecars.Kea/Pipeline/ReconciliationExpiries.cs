using Fos1.Ddns.Leases;
using Fos1.Outbox.Expiry;

namespace Fos1.Sidecars.Kea.Pipeline;

/// <summary>
/// After a run, every active lease's expiry must be in the lease ledger (so a lost ledger heals). Only the ones the
/// ledger does not already hold exactly (same removal, same expiry) are written, all at once so they share the
/// journal's group commits: awaiting one fsync per lease made a run over 100,000 unchanged leases take minutes.
/// </summary>
public static class ReconciliationExpiries
{
    /// <summary>Leases are recorded this many at a time (bounds the tasks in flight, still a few fsyncs per chunk).</summary>
    public const int Chunk = 4096;

    /// <param name="desired">The run's adds, one per active lease.</param>
    /// <param name="scheduled">What the ledger holds now (<see cref="ExpirySchedule.Snapshot"/>).</param>
    /// <returns>The removal to schedule and when, for every lease still active at <paramref name="now"/> that the ledger lacks or holds differently.</returns>
    public static IReadOnlyList<ScheduledRemoval> Unrecorded(IEnumerable<NameChange> desired, DateTimeOffset now, IReadOnlyCollection<ScheduledRemoval> scheduled)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(scheduled);
        var held = new Dictionary<LeaseKey, ScheduledRemoval>(scheduled.Count);
        foreach (var removal in scheduled)
        {
            held[removal.Key] = removal;
        }

        var unrecorded = new List<ScheduledRemoval>();
        foreach (var add in desired)
        {
            if (add.LeaseExpiresOn is not { } expiresAt || expiresAt <= now)
            {
                continue;
            }

            var removal = add with { Kind = NameChangeKind.Remove };
            var key = LeaseKey.Of(removal);
            if (held.TryGetValue(key, out var current) && current.ExpiresAt == expiresAt && current.Removal == removal)
            {
                continue;
            }

            unrecorded.Add(new ScheduledRemoval(key, removal, expiresAt));
        }

        return unrecorded;
    }

    /// <summary>Records them; completes when all are durable and scheduled.</summary>
    public static async Task RecordAsync(LeaseLedger ledger, IReadOnlyList<ScheduledRemoval> expiries)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(expiries);
        foreach (var chunk in expiries.Chunk(Chunk))
        {
            await Task.WhenAll(chunk.Select(e => ledger.RecordAsync(e.Removal, e.ExpiresAt))).ConfigureAwait(false);
        }
    }
}
