using Fos1.AdGuard.Api;
using Fos1.AdGuard.Desired;
using Microsoft.Extensions.Logging;

namespace Fos1.AdGuard.Convergence;

/// <summary>
/// Reads AdGuard's state, plans with <see cref="AdGuardDiff"/> and runs the calls in order. A failed call does not
/// stop the others: its owners are reported Rejected with AdGuard's message, every other valid CR Applied.
/// Reading the state failing (AdGuard down, bad credentials) throws: there is nothing to report per CR then.
/// </summary>
/// <param name="metrics">Counts convergences and calls; null: not counted.</param>
public sealed partial class AdGuardApplier(AdGuardApiClient api, ILogger<AdGuardApplier> logger, AdGuardMetrics? metrics = null)
{
    public async Task<ConvergeReport> ConvergeAsync(DesiredState desired, AdGuardConvergeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(options);
        AdGuardObservedState observed;
        try
        {
            observed = new AdGuardObservedState(
                await api.GetFilteringStatusAsync(cancellationToken),
                await api.GetClientsAsync(cancellationToken),
                options.Upstreams is { Count: > 0 } ? await api.GetDnsInfoAsync(cancellationToken) : null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics?.Converged("unreachable");
            throw;
        }

        var plan = AdGuardDiff.Plan(desired, observed, options);
        return await ApplyAsync(desired, plan, cancellationToken);
    }

    public async Task<ConvergeReport> ApplyAsync(DesiredState desired, AdGuardPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(plan);
        var outcomes = desired.Outcomes.ToDictionary(o => o.Resource);
        foreach (var conflict in plan.Conflicts)
        {
            outcomes[conflict.Resource] = conflict;
        }

        var applied = new List<AdGuardOperation>();
        var unowned = new List<string>();
        foreach (var operation in plan.Operations)
        {
            try
            {
                await RunAsync(operation, cancellationToken);
                applied.Add(operation);
                metrics?.Called(operation, ok: true);
                LogApplied(logger, operation.Endpoint, operation);
            }
            catch (AdGuardApiException error)
            {
                metrics?.Called(operation, ok: false);
                LogRejected(logger, operation.Endpoint, error.Message);
                if (operation.Owners.Count == 0)
                {
                    unowned.Add(error.Message);
                }

                foreach (var owner in operation.Owners.Where(o => !outcomes.ContainsKey(o) || outcomes[o].Status != OutcomeStatus.Rejected))
                {
                    outcomes[owner] = new ResourceOutcome(owner, OutcomeStatus.Rejected, "Rejected", error.Message);
                }
            }
        }

        foreach (var resource in desired.Resources.Where(r => !outcomes.ContainsKey(r)))
        {
            outcomes[resource] = new ResourceOutcome(resource, OutcomeStatus.Applied, "Applied", "in effect in AdGuard Home");
        }

        metrics?.Converged(applied.Count == plan.Operations.Count ? "converged" : "rejected");
        return new ConvergeReport(outcomes.Values.OrderBy(o => o.Resource.Kind).ThenBy(o => o.Resource.Namespace).ThenBy(o => o.Resource.Name).ToList(), applied, unowned);
    }

    private Task RunAsync(AdGuardOperation operation, CancellationToken cancellationToken) => operation switch
    {
        AddFilterUrl add => api.AddUrlAsync(add.Name, add.Url, add.Whitelist, cancellationToken),
        RemoveFilterUrl remove => api.RemoveUrlAsync(remove.Url, remove.Whitelist, cancellationToken),
        SetFilterUrl set => api.SetUrlAsync(set.Url, set.Whitelist, set.Name, set.Enabled, cancellationToken),
        SetUserRules rules => api.SetRulesAsync(rules.Rules, cancellationToken),
        RefreshFilters refresh => api.RefreshAsync(refresh.Whitelist, cancellationToken),
        SetFilteringConfig config => api.SetFilteringConfigAsync(config.Enabled, config.IntervalHours, cancellationToken),
        AddClient add => api.AddClientAsync(add.Client, cancellationToken),
        UpdateClient update => api.UpdateClientAsync(update.CurrentName, update.Client, cancellationToken),
        DeleteClient delete => api.DeleteClientAsync(delete.Name, cancellationToken),
        SetUpstreams upstreams => api.SetUpstreamsAsync(upstreams.Upstreams, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown AdGuard operation"),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "AdGuard {Endpoint}: {Operation}")]
    private static partial void LogApplied(ILogger logger, string endpoint, AdGuardOperation operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AdGuard {Endpoint} failed: {Error}")]
    private static partial void LogRejected(ILogger logger, string endpoint, string error);
}
