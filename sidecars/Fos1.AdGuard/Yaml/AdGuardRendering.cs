using Fos1.AdGuard.Desired;

namespace Fos1.AdGuard.Yaml;

/// <summary>The rendered file and the desired state it came from (its Outcomes say which CRs were left out and why).</summary>
public sealed record AdGuardRendering(string Yaml, DesiredState Desired)
{
    public IReadOnlyList<ResourceOutcome> Outcomes => Desired.Outcomes;
}
