using Fos1.AdGuard.Api;
using Fos1.AdGuard.Desired;

namespace Fos1.AdGuard.Convergence;

/// <summary>
/// What AdGuard reports vs what the CRs want -> the API calls that close the gap. Pure. Only filters and clients
/// with fos1's name marker (<see cref="OwnershipMarker"/>) and fos1's block of user rules are touched unless
/// <see cref="AdGuardConvergeOptions.OwnEverything"/>. Order: removals first (they free URLs and client ids),
/// then clients (so $client rules name existing clients), filters, rules, refresh, global settings.
/// A second plan against the state the first one produced is empty.
/// </summary>
public static class AdGuardDiff
{
    public static AdGuardPlan Plan(DesiredState desired, AdGuardObservedState observed, AdGuardConvergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(options);
        var conflicts = new List<ResourceOutcome>();
        var removals = new List<AdGuardOperation>();
        var changes = new List<AdGuardOperation>();
        var refresh = new List<AdGuardOperation>();

        foreach (var whitelist in new[] { false, true })
        {
            var reported = whitelist ? observed.Filtering.WhitelistFilters : observed.Filtering.Filters;
            Filters(desired.Filters.Where(f => f.Allowlist == whitelist).ToList(), reported, whitelist, options, removals, changes, refresh, conflicts);
        }

        var clientOps = Clients(desired.Clients, observed.Clients.Clients, options, removals);
        var rules = UserRulesBlock.Merge(observed.Filtering.UserRules, desired.UserRules, options.OwnEverything);
        if (!rules.SequenceEqual(UserRulesBlock.Trimmed(observed.Filtering.UserRules), StringComparer.Ordinal))
        {
            changes.Add(new SetUserRules(rules, desired.RuleOwners));
        }

        var settings = new List<AdGuardOperation>();
        if (options.Upstreams is { Count: > 0 } upstreams && observed.Dns is { } dns && !upstreams.SequenceEqual(dns.UpstreamDns, StringComparer.Ordinal))
        {
            settings.Add(new SetUpstreams(upstreams));
        }

        if (options.FiltersUpdateIntervalHours is { } interval && interval != observed.Filtering.Interval)
        {
            settings.Add(new SetFilteringConfig(observed.Filtering.Enabled, interval));
        }

        var operations = removals.Concat(clientOps).Concat(changes.OfType<AddFilterUrl>().Cast<AdGuardOperation>())
            .Concat(changes.Where(c => c is not AddFilterUrl)).Concat(refresh).Concat(settings).ToList();
        return new AdGuardPlan(operations, conflicts);
    }

    private static void Filters(
        IReadOnlyList<DesiredFilter> wanted,
        IReadOnlyList<FilterInfo> reported,
        bool whitelist,
        AdGuardConvergeOptions options,
        List<AdGuardOperation> removals,
        List<AdGuardOperation> changes,
        List<AdGuardOperation> refresh,
        List<ResourceOutcome> conflicts)
    {
        var byUrl = wanted.ToDictionary(f => f.Url, StringComparer.Ordinal);
        var stale = new List<ResourceRef>();
        foreach (var filter in reported)
        {
            var ours = OwnershipMarker.TryParse(filter.Name, ResourceRef.FilterListKind, out _) || options.OwnEverything;
            if (!byUrl.Remove(filter.Url, out var want))
            {
                if (ours)
                {
                    removals.Add(new RemoveFilterUrl(filter.Url, whitelist, []));
                }

                continue;
            }

            if (!ours)
            {
                conflicts.Add(new(want.Owner, OutcomeStatus.Conflict, "Conflict",
                    $"{want.Url} is already subscribed in AdGuard Home as '{filter.Name}', which fos1 does not manage"));
                continue;
            }

            if (filter.Name != want.Name || filter.Enabled != want.Enabled)
            {
                changes.Add(new SetFilterUrl(want.Owner, want.Url, want.Name, want.Enabled, whitelist));
            }
            else if (want.Enabled && string.IsNullOrEmpty(filter.LastUpdated))
            {
                stale.Add(want.Owner);
            }
        }

        foreach (var want in byUrl.Values)
        {
            // add_url always adds an enabled list (and downloads it); a disabled one is switched off right after.
            changes.Add(new AddFilterUrl(want.Owner, want.Url, want.Name, whitelist));
            if (!want.Enabled)
            {
                changes.Add(new SetFilterUrl(want.Owner, want.Url, want.Name, Enabled: false, whitelist));
            }
        }

        if (stale.Count > 0)
        {
            refresh.Add(new RefreshFilters(whitelist, stale.Distinct().ToList()));
        }
    }

    private static List<AdGuardOperation> Clients(
        IReadOnlyList<DesiredClient> wanted,
        IReadOnlyList<ClientInfo> reported,
        AdGuardConvergeOptions options,
        List<AdGuardOperation> removals)
    {
        var byOwner = wanted.ToDictionary(c => c.Owner);
        var updates = new List<AdGuardOperation>();
        foreach (var client in reported)
        {
            if (!OwnershipMarker.TryParse(client.Name, ResourceRef.ClientKind, out var owner))
            {
                if (options.OwnEverything)
                {
                    removals.Add(new DeleteClient(client.Name));
                }

                continue;
            }

            if (!byOwner.Remove(owner, out var want))
            {
                removals.Add(new DeleteClient(client.Name));
                continue;
            }

            var payload = ClientPayload.From(want);
            if (!ClientPayload.Matches(payload, client))
            {
                updates.Add(new UpdateClient(owner, client.Name, payload));
            }
        }

        return updates.Concat(byOwner.Values.Select(c => (AdGuardOperation)new AddClient(c.Owner, ClientPayload.From(c)))).ToList();
    }
}
