using System.Text.Json.Nodes;

namespace Fos1.Kea.Configuration.Rendering;

/// <summary>
/// A rendered Kea configuration: <see cref="Config"/> is the whole <c>{"Dhcp4": {...}}</c> (or Dhcp6) object that
/// <c>config-test</c> / <c>config-set</c> take as arguments.
/// </summary>
/// <param name="ConfigHash">"sha256:..." of <see cref="Config"/> (<see cref="KeaConfigHash"/>).</param>
/// <param name="Outcomes">One per CR, in rendering order (creationTimestamp, then name).</param>
/// <param name="ForwardOnlySubnets">
/// Subnets of CRs with <c>dnsupdates.reverse: false</c>. Kea 2.2 has no per-subnet switch for the PTR side of
/// DDNS, so Kea still asks for it; the NCR consumer drops the reverse half for addresses in these subnets.
/// </param>
public sealed record KeaConfigRendering(
    int Family,
    JsonObject Config,
    string ConfigHash,
    IReadOnlyList<ServiceOutcome> Outcomes,
    IReadOnlyList<string> ForwardOnlySubnets)
{
    public ServiceOutcome? OutcomeOf(string @namespace, string name) =>
        Outcomes.FirstOrDefault(outcome => outcome.Namespace == @namespace && outcome.Name == name);
}
