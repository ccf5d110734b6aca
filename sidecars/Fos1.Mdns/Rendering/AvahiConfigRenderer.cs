using Fos1.Crds.Dns;
using Fos1.Crds.Validation;

namespace Fos1.Mdns.Rendering;

/// <summary>
/// MDNSReflector CRs + the names of this node's interfaces -> avahi-daemon.conf. Pure: no I/O, no clock.
/// One avahi-daemon has one reflector configuration: among the valid CRs the oldest (creation time, then
/// namespace/name) is applied and the others get <see cref="MdnsReflectorState.Conflict"/>.
/// </summary>
public static class AvahiConfigRenderer
{
    /// <param name="reflectors">Every MDNSReflector the sidecar watches; order does not matter.</param>
    /// <param name="nodeInterfaces">The interface names this node has (exact, case-sensitive like the kernel's).</param>
    public static AvahiConfigRendering Render(
        IEnumerable<MdnsReflector> reflectors,
        IEnumerable<string> nodeInterfaces,
        AvahiRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reflectors);
        ArgumentNullException.ThrowIfNull(nodeInterfaces);
        options ??= AvahiRenderOptions.Default;
        var present = nodeInterfaces.ToHashSet(StringComparer.Ordinal);

        var outcomes = new List<MdnsReflectorOutcome>();
        var candidates = new List<(MdnsReflector Resource, MdnsReflectorSpec Spec, MdnsReflectorOutcome Outcome, AvahiSettings Settings)>();
        foreach (var reflector in reflectors)
        {
            ArgumentNullException.ThrowIfNull(reflector);
            var (outcome, settings) = Examine(reflector, present);
            if (settings is null)
            {
                outcomes.Add(outcome);
            }
            else
            {
                candidates.Add((reflector, reflector.Spec!, outcome, settings));
            }
        }

        var ordered = candidates
            .OrderBy(c => c.Resource.Metadata.CreationTimestamp ?? DateTime.MaxValue)
            .ThenBy(c => c.Outcome.Namespace, StringComparer.Ordinal)
            .ThenBy(c => c.Outcome.Name, StringComparer.Ordinal)
            .ToList();
        if (ordered.Count == 0)
        {
            return new AvahiConfigRendering(AvahiConfigText.Write(AvahiSettings.Dormant, options), null, Sorted(outcomes));
        }

        var winner = ordered[0];
        outcomes.Add(winner.Outcome);
        foreach (var loser in ordered.Skip(1))
        {
            outcomes.Add(loser.Outcome with
            {
                State = MdnsReflectorState.Conflict,
                Message = $"MDNSReflector {winner.Settings.Source} is in effect (created earlier); one avahi-daemon has one reflector configuration",
            });
        }

        return new AvahiConfigRendering(AvahiConfigText.Write(winner.Settings, options), winner.Outcome, Sorted(outcomes))
        {
            Reflecting = winner.Settings.Reflect,
        };
    }

    private static (MdnsReflectorOutcome Outcome, AvahiSettings? Settings) Examine(MdnsReflector reflector, HashSet<string> present)
    {
        var metadata = reflector.Metadata;
        var outcome = new MdnsReflectorOutcome(
            metadata.NamespaceProperty ?? "", metadata.Name ?? "", metadata.Generation, MdnsReflectorState.Invalid, "", []);
        var spec = reflector.Spec;
        if (spec is null)
        {
            return (outcome with { Message = "the resource has no spec" }, null);
        }

        var errors = MdnsReflectorValidation.Validate(spec);
        if (errors.Count > 0)
        {
            return (outcome with { Message = ValidationReport.Summarize(errors) }, null);
        }

        var known = spec.Interfaces.Where(present.Contains).Order(StringComparer.Ordinal).ToList();
        var unknown = spec.Interfaces.Where(name => !present.Contains(name)).ToList();
        outcome = outcome with { UnknownInterfaces = unknown };
        if (known.Count == 0)
        {
            return (outcome with
            {
                Message = $"none of spec.interfaces exists on this node ({string.Join(", ", unknown)}); it has {Listed(present)}",
            }, null);
        }

        var settings = new AvahiSettings(
            $"{outcome.Namespace}/{outcome.Name}",
            known,
            spec.Ipv4,
            spec.Ipv6,
            spec.Enabled,
            spec.Enabled && spec.ReflectIpv,
            spec.Filters.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        var effect = spec.Enabled
            ? $"avahi reflects mDNS between {string.Join(", ", known)}"
            : $"reflection is disabled (spec.enabled=false); avahi listens on {string.Join(", ", known)}";
        var left = unknown.Count == 0 ? "" : $"; not on this node, left out: {string.Join(", ", unknown)}";
        return (outcome with { State = MdnsReflectorState.Applied, Message = effect + left }, settings);
    }

    private static string Listed(HashSet<string> present) =>
        present.Count == 0 ? "no interfaces" : string.Join(", ", present.Order(StringComparer.Ordinal));

    private static List<MdnsReflectorOutcome> Sorted(List<MdnsReflectorOutcome> outcomes) =>
        [.. outcomes.OrderBy(o => o.Namespace, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)];
}
