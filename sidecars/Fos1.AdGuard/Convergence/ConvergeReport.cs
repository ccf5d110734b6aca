namespace Fos1.AdGuard.Convergence;

/// <summary>
/// The result of one convergence: an outcome per CR (what its status condition should say), the calls that were
/// made, and the failures of calls no CR owns (removing leftovers, global settings).
/// </summary>
public sealed record ConvergeReport(
    IReadOnlyList<ResourceOutcome> Outcomes,
    IReadOnlyList<AdGuardOperation> Applied,
    IReadOnlyList<string> UnownedFailures)
{
    public ResourceOutcome? For(ResourceRef resource) => Outcomes.FirstOrDefault(o => o.Resource == resource);
}
