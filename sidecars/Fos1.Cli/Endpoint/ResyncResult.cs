namespace Fos1.Ctl.Endpoint;

/// <summary>POST /resync's answer: one reconciliation run, counted.</summary>
public sealed record ResyncResult(int Leases, int Added, int Removed, int Conflicts, double DurationMs)
{
    public bool FoundDrift => Added + Removed > 0;
}
