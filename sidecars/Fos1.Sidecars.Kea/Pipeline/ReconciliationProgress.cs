using Fos1.Ddns;

namespace Fos1.Sidecars.Kea.Pipeline;

/// <summary>Progress of a survey, for operators watching a long run.</summary>
public abstract record ReconciliationProgress
{
    private ReconciliationProgress()
    {
    }

    /// <param name="Records">A, AAAA, PTR and DHCID records the zone holds.</param>
    public sealed record ZoneRead(DnsName Zone, string Server, int Records) : ReconciliationProgress;

    /// <param name="Read">Leases paged so far (any state).</param>
    /// <param name="Active">Of those, active.</param>
    /// <param name="Done">The last page was read.</param>
    public sealed record LeasesRead(int Family, string Endpoint, int Read, int Active, bool Done) : ReconciliationProgress;
}
