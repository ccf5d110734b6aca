using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Reconciliation;

namespace Fos1.Sidecars.Kea.Pipeline;

/// <summary>What one survey read and planned.</summary>
/// <param name="Desired">One add per active lease that wants records.</param>
/// <param name="Leases4">Active DHCPv4 leases read; null when no DHCPv4 channel is configured (v4 not judged).</param>
/// <param name="Leases6">The same for DHCPv6.</param>
/// <param name="Zones">Zones transferred, forward first.</param>
public sealed record ReconciliationSurveyResult(
    ReconciliationPlan Plan,
    IReadOnlyList<NameChange> Desired,
    int? Leases4,
    int? Leases6,
    IReadOnlyList<DnsName> Zones,
    DateTimeOffset At)
{
    public int Leases => (Leases4 ?? 0) + (Leases6 ?? 0);

    public ReconciliationTimings Timings { get; init; } = ReconciliationTimings.None;
}
