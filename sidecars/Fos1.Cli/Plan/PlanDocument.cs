using Fos1.Ddns.Reconciliation;

namespace Fos1.Ctl.Plan;

/// <summary>The shape of <c>fos1ctl plan --json</c>; scripts read it, so property order and names are the contract.</summary>
internal sealed record PlanDocument(PlanLeases Leases, IReadOnlyList<string> Zones, ReconciliationCounts Counts, int Drift, IReadOnlyList<PlanItem> Items);

/// <param name="V4">Active DHCPv4 leases, or null when no control channel could judge them.</param>
internal sealed record PlanLeases(int? V4, int? V6);

/// <param name="Side">forward, reverse, or null when the item changes nothing.</param>
internal sealed record PlanItem(
    ReconciliationAction Action,
    ReconciliationReason Reason,
    string Why,
    string Name,
    string? Side,
    string? Address,
    string? Dhcid,
    string Detail);
