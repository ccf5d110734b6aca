using Fos1.Crds.Dns;
using Fos1.Crds.Validation;

namespace Fos1.AdGuard.Desired;

/// <summary>
/// CRs -> <see cref="DesiredState"/>. Pure. CRs are taken in namespace/name order, so when two claim the same
/// filter URL or client id the first keeps it and the second is reported as a conflict. An invalid CR is left out
/// with the validator's message; everything else still renders.
/// </summary>
public static class DesiredStateBuilder
{
    public static DesiredState Build(IEnumerable<DnsFilterList> filterLists, IEnumerable<DnsClient> clients)
    {
        ArgumentNullException.ThrowIfNull(filterLists);
        ArgumentNullException.ThrowIfNull(clients);
        var outcomes = new Dictionary<ResourceRef, ResourceOutcome>();
        var resources = new List<ResourceRef>();

        var lists = new List<(ResourceRef Ref, DnsFilterListSpec Spec)>();
        foreach (var list in Ordered(filterLists, ResourceRef.FilterListKind, l => l.Metadata?.NamespaceProperty, l => l.Metadata?.Name))
        {
            var spec = list.Resource.Spec;
            var errors = spec is null ? [new ValidationError("spec", "is required")] : FilterListValidation.Validate(spec);
            if (Invalid(outcomes, list.Ref, errors) || spec is null)
            {
                continue;
            }

            resources.Add(list.Ref);
            lists.Add((list.Ref, spec));
        }

        var desiredClients = BuildClients(clients, lists, outcomes, resources);
        var filters = BuildFilters(lists, outcomes);
        var (rules, ruleOwners) = BuildRules(lists, desiredClients, outcomes);
        return new DesiredState(filters, desiredClients.Select(c => c.Client).ToList(), rules, ruleOwners, resources, outcomes.Values.ToList());
    }

    private static List<(DesiredClient Client, IReadOnlyList<string> Lists)> BuildClients(
        IEnumerable<DnsClient> clients,
        List<(ResourceRef Ref, DnsFilterListSpec Spec)> lists,
        Dictionary<ResourceRef, ResourceOutcome> outcomes,
        List<ResourceRef> resources)
    {
        var result = new List<(DesiredClient, IReadOnlyList<string>)>();
        var idOwners = new Dictionary<string, ResourceRef>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in Ordered(clients, ResourceRef.ClientKind, c => c.Metadata?.NamespaceProperty, c => c.Metadata?.Name))
        {
            var spec = item.Resource.Spec;
            var errors = spec is null ? [new ValidationError("spec", "is required")] : ClientValidation.Validate(spec);
            if (Invalid(outcomes, item.Ref, errors) || spec is null)
            {
                continue;
            }

            var ids = spec.Ids.Select(ClientIdSpelling.Canonical).ToList();
            var taken = ids.FirstOrDefault(idOwners.ContainsKey);
            if (taken is not null)
            {
                outcomes[item.Ref] = new(item.Ref, OutcomeStatus.Conflict, "Conflict", $"client id '{taken}' already belongs to {idOwners[taken]}");
                continue;
            }

            ids.ForEach(id => idOwners[id] = item.Ref);
            resources.Add(item.Ref);
            var missing = spec.FilterLists.Where(n => !lists.Any(l => l.Ref.Namespace == item.Ref.Namespace && l.Ref.Name == n)).ToList();
            if (missing.Count > 0)
            {
                outcomes[item.Ref] = new(item.Ref, OutcomeStatus.Degraded, "MissingFilterList",
                    $"spec.filterLists: no valid DNSFilterList {string.Join(", ", missing.Select(m => $"'{m}'"))} in namespace {item.Ref.Namespace}");
            }

            result.Add((new DesiredClient
            {
                Owner = item.Ref,
                Name = OwnershipMarker.Name(spec.DisplayName ?? item.Ref.Name, item.Ref),
                Uid = OwnershipMarker.ClientUid(item.Ref),
                Ids = ids,
                Tags = spec.Tags,
                Upstreams = spec.Upstreams,
                UseGlobalSettings = spec.UseGlobalSettings,
                FilteringEnabled = spec.FilteringEnabled,
                ParentalEnabled = spec.ParentalEnabled,
                SafeBrowsingEnabled = spec.SafeBrowsingEnabled,
                SafeSearchEnabled = spec.SafeSearch.Enabled,
                UseGlobalBlockedServices = spec.BlockedServices.UseGlobal,
                BlockedServices = spec.BlockedServices.Ids,
                Pause = PauseScheduleConversion.From(spec.BlockedServices.Schedule),
            }, spec.FilterLists));
        }

        return result;
    }

    private static List<DesiredFilter> BuildFilters(List<(ResourceRef Ref, DnsFilterListSpec Spec)> lists, Dictionary<ResourceRef, ResourceOutcome> outcomes)
    {
        var filters = new List<DesiredFilter>();
        var urlOwners = new Dictionary<(bool, string), ResourceRef>();
        foreach (var (owner, spec) in lists)
        {
            foreach (var url in spec.Urls.Distinct(StringComparer.Ordinal))
            {
                if (!urlOwners.TryAdd((spec.Allowlist, url), owner))
                {
                    outcomes[owner] = new(owner, OutcomeStatus.Conflict, "Conflict", $"URL {url} is already subscribed by {urlOwners[(spec.Allowlist, url)]}");
                    continue;
                }

                var name = OwnershipMarker.Name(spec.DisplayName ?? owner.Name, owner);
                filters.Add(new DesiredFilter(owner, url, name, spec.Enabled, spec.Allowlist, OwnershipMarker.FilterId(owner, url)));
            }
        }

        return filters;
    }

    private static (List<string> Rules, List<ResourceRef> Owners) BuildRules(
        List<(ResourceRef Ref, DnsFilterListSpec Spec)> lists,
        List<(DesiredClient Client, IReadOnlyList<string> Lists)> clients,
        Dictionary<ResourceRef, ResourceOutcome> outcomes)
    {
        var rules = new List<string>();
        var owners = new List<ResourceRef>();
        foreach (var (owner, spec) in lists.Where(l => l.Spec.Enabled && l.Spec.Rules.Count > 0))
        {
            // A list that clients name applies to those clients only (docs/crds.md, DNSClient.filterLists).
            var scopedTo = clients.Where(c => c.Client.Owner.Namespace == owner.Namespace && c.Lists.Contains(owner.Name))
                .Select(c => c.Client.Name).Order(StringComparer.Ordinal).ToList();
            var lines = new List<string> { $"! {owner}" };
            for (var i = 0; i < spec.Rules.Count; i++)
            {
                var rule = Exception(spec.Rules[i].Trim(), spec.Allowlist);
                if (scopedTo.Count == 0 || IsComment(rule))
                {
                    lines.Add(rule);
                }
                else if (ClientRuleScope.Scope(rule, scopedTo, out var error) is { } scoped)
                {
                    lines.Add(scoped);
                }
                else
                {
                    outcomes[owner] = new(owner, OutcomeStatus.Degraded, "RuleNotScopable", $"spec.rules[{i}]: {error}; the rule is left out");
                }
            }

            rules.AddRange(lines);
            owners.Add(owner);
        }

        return (rules, owners);
    }

    // An allowlist's inline rules are exception rules; AdGuard spells those with a leading @@.
    private static string Exception(string rule, bool allowlist) =>
        allowlist && !IsComment(rule) && !rule.StartsWith("@@", StringComparison.Ordinal) ? "@@" + rule : rule;

    private static bool IsComment(string rule) => rule.StartsWith('!') || rule.StartsWith('#');

    private static bool Invalid(Dictionary<ResourceRef, ResourceOutcome> outcomes, ResourceRef owner, IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count == 0)
        {
            return false;
        }

        outcomes[owner] = new(owner, OutcomeStatus.Invalid, "Invalid", ValidationReport.Summarize(errors));
        return true;
    }

    private static IEnumerable<(ResourceRef Ref, T Resource)> Ordered<T>(IEnumerable<T> items, string kind, Func<T, string?> ns, Func<T, string?> name) =>
        items.Select(i => (Ref: new ResourceRef(kind, ns(i) ?? "default", name(i) ?? ""), Resource: i))
            .OrderBy(i => i.Ref.Namespace, StringComparer.Ordinal).ThenBy(i => i.Ref.Name, StringComparer.Ordinal);
}
