namespace Fos1.AdGuard.Desired;

/// <summary>
/// What AdGuard Home should hold, built from the valid CRs. <see cref="UserRules"/> is fos1's block only (without
/// its begin/end lines); <see cref="RuleOwners"/> are the CRs whose rules are in it. <see cref="Outcomes"/> has
/// one entry per CR that is not simply applied (invalid, conflicting, degraded); <see cref="Resources"/> lists
/// every valid CR, so an applier can report the rest as applied.
/// </summary>
public sealed record DesiredState(
    IReadOnlyList<DesiredFilter> Filters,
    IReadOnlyList<DesiredClient> Clients,
    IReadOnlyList<string> UserRules,
    IReadOnlyList<ResourceRef> RuleOwners,
    IReadOnlyList<ResourceRef> Resources,
    IReadOnlyList<ResourceOutcome> Outcomes);
