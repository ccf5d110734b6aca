namespace Fos1.Ddns.Reconciliation;

/// <summary>Totals of one reconciliation: what matched, what drifted, what was left alone.</summary>
/// <param name="DesiredSides">Forward and reverse sides the active leases ask for.</param>
/// <param name="InSync">Desired sides already present exactly.</param>
/// <param name="Conflicts">Names or reverse names owned by another client's DHCID.</param>
/// <param name="HeldWithoutDhcid">Desired names occupied by records without a DHCID (static, other tools).</param>
/// <param name="Unobserved">Desired sides in zones whose contents were not read.</param>
public sealed record ReconciliationCounts(
    int DesiredSides,
    int InSync,
    int Adds,
    int Removes,
    int Conflicts,
    int HeldWithoutDhcid,
    int Unobserved,
    int ReportedOnly)
{
    /// <summary>Sides that differ from the leases and will be changed.</summary>
    public int Drift => Adds + Removes;
}
