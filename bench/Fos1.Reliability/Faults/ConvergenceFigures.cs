namespace Fos1.Reliability.Faults;

/// <summary>
/// DNS against Kea's active leases at the end of a scenario. Lost: a lease without its A or PTR. Stale: an owned
/// (DHCID) A or a PTR without a lease. Duplicates: a name with more than one address, an address with more than one PTR.
/// </summary>
public sealed record ConvergenceFigures(int Leases, int Lost, int Stale, int Duplicates, TimeSpan? TimeToConverge, string Difference)
{
    public bool Converged => TimeToConverge is not null && Lost == 0 && Stale == 0 && Duplicates == 0;
}
