namespace Fos1.AdGuard.Convergence;

/// <summary>The API calls to make, in order, and the CRs the diff found in conflict with configuration fos1 does not own.</summary>
public sealed record AdGuardPlan(IReadOnlyList<AdGuardOperation> Operations, IReadOnlyList<ResourceOutcome> Conflicts)
{
    public bool IsEmpty => Operations.Count == 0;
}
