using Fos1.Ddns.Leases;
using Fos1.Ddns.Transactions;
using Fos1.Dns.Dispatch;
using Fos1.Outbox.Changes;
using Fos1.Outbox.Expiry;

namespace Fos1.Sidecars.Kea.Pipeline;

/// <summary>
/// Feeds the dispatcher from the durable outbox and, when a change is done, keeps the lease ledger
/// in step: a lease whose records were written gets its expiry scheduled, a removed one is forgotten.
/// The ledger is written before the outbox completion, so a crash in between repeats the change
/// instead of losing the schedule.
/// </summary>
public sealed class OutboxPendingChanges(UpdateOutbox outbox, LeaseLedger ledger, TimeProvider time) : IPendingChanges
{
    public Task WaitForPendingAsync(CancellationToken cancellationToken) => outbox.WaitForPendingAsync(cancellationToken);

    public IReadOnlyList<QueuedChange> Take(int maxCount) =>
        outbox.TakeBatch(maxCount).Select(entry => new QueuedChange(entry.Id, entry.Change, entry.AppendedAt)).ToList();

    public async Task CompleteAsync(QueuedChange change, TransactionResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(result);
        var done = change.Change;
        if (done.Kind == NameChangeKind.Remove)
        {
            await ledger.ForgetAsync(LeaseKey.Of(done)).ConfigureAwait(false);
        }
        else if (result.Outcome == TransactionOutcome.Completed && done.LeaseExpiresOn is { } expires && expires > time.GetUtcNow())
        {
            await ledger.RecordAsync(done with { Kind = NameChangeKind.Remove }, expires).ConfigureAwait(false);
        }

        await outbox.CompleteAsync(change.Id).ConfigureAwait(false);
    }
}
