using Fos1.Ddns.Leases;

namespace Fos1.Ddns.Reconciliation;

/// <summary>The result of comparing active leases with the zones: changes to send and findings to report.</summary>
public sealed record ReconciliationPlan(IReadOnlyList<ReconciliationItem> Items, ReconciliationCounts Counts)
{
    /// <summary>The changes to send, adds first, in a stable order.</summary>
    public IEnumerable<NameChange> Changes => Items.Where(item => item.Change is not null).Select(item => item.Change!);
}
