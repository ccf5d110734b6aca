namespace Fos1.Sidecars.Kea.Pipeline;

/// <summary>
/// Where a survey's time went (for fos1.reconciliation.phase.duration): <paramref name="Zones"/> the zone transfers,
/// <paramref name="Leases"/> the lease pages with each active lease's name and DHCID, <paramref name="Plan"/> the diff.
/// </summary>
public sealed record ReconciliationTimings(TimeSpan Zones, TimeSpan Leases, TimeSpan Plan)
{
    public static ReconciliationTimings None { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
}
