using Fos1.Ddns.Reconciliation;

namespace Fos1.Sidecars.Kea.Operations;

/// <summary>
/// The last reconciliation run, kept for readiness (was Kea's control channel reached?), /status and /resync.
/// Written by <see cref="Services.ReconciliationService"/> after each run.
/// </summary>
public sealed class ReconciliationRuns(TimeProvider time)
{
    private ReconciliationRun? _last;
    private long _count;

    public ReconciliationRun? Last => Volatile.Read(ref _last);

    /// <summary>Runs finished (either way) so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    public void Succeeded(int leases, ReconciliationCounts counts, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Record(new ReconciliationRun(time.GetUtcNow(), true, leases, counts.Adds, counts.Removes, counts.Conflicts, duration.TotalMilliseconds, null));
    }

    public void Failed(string error, TimeSpan duration) =>
        Record(new ReconciliationRun(time.GetUtcNow(), false, 0, 0, 0, 0, duration.TotalMilliseconds, error));

    private void Record(ReconciliationRun run)
    {
        Volatile.Write(ref _last, run);
        Interlocked.Increment(ref _count);
    }
}
