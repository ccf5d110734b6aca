using Fos1.Ddns.Transactions;

namespace Fos1.Dns.Dispatch;

/// <summary>
/// Where the dispatcher takes its work from and reports it done: in production the durable outbox,
/// so a change is forgotten only once DNS reflects it (or it failed for good).
/// </summary>
public interface IPendingChanges
{
    /// <summary>Completes when <see cref="Take"/> has something to hand out.</summary>
    Task WaitForPendingAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxCount"/> changes in arrival order; each is handed out once.</summary>
    IReadOnlyList<QueuedChange> Take(int maxCount);

    /// <summary>Called once per change after its transaction ended; the next change of the same client waits for it.</summary>
    Task CompleteAsync(QueuedChange change, TransactionResult result, CancellationToken cancellationToken);
}
