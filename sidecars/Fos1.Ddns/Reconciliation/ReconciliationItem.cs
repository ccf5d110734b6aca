using Fos1.Ddns.Leases;

namespace Fos1.Ddns.Reconciliation;

/// <summary>
/// One line of a reconciliation plan: what is done about <paramref name="Name"/> and why. Every change touches
/// exactly one side (forward or reverse), so each line can be shown, sent and retried on its own.
/// </summary>
/// <param name="Change">The change to send; null when <paramref name="Action"/> is <see cref="ReconciliationAction.Leave"/>.</param>
/// <param name="Detail">Human-readable facts behind the decision, for an operator's dry run.</param>
public sealed record ReconciliationItem(
    ReconciliationAction Action,
    ReconciliationReason Reason,
    DnsName Name,
    NameChange? Change,
    string Detail)
{
    public override string ToString() => $"{Action} {Name} ({Reason}): {Detail}";
}
