using System.Text.Json;
using Fos1.AdGuard;
using Fos1.AdGuard.Api;
using Fos1.AdGuard.Convergence;
using Fos1.AdGuard.Desired;
using Fos1.Crds.Dns;
using Fos1.Kubernetes.Controllers;
using Fos1.Kubernetes.Hosting;
using Fos1.Kubernetes.Informers;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Status;
using Fos1.Sidecars.Config.Configuration;
using Microsoft.Extensions.Logging;

namespace Fos1.Sidecars.Config.AdGuard;

/// <summary>
/// One reconcile of the DNSFilterList + DNSClient set: build the desired state from the listers, converge AdGuard
/// Home through its API, write each CR's status (leader only). AdGuard not answering: Ready=Unknown
/// AdGuardUnreachable (Invalid CRs still say Invalid) and a failed result, so the queue retries with backoff.
/// </summary>
internal sealed partial class AdGuardReconciler(
    AdGuardSidecarOptions settings,
    Informer<DnsFilterList> lists,
    Informer<DnsClient> clients,
    StatusWriter<DnsFilterList, ResourceStatus> listStatus,
    StatusWriter<DnsClient, ResourceStatus> clientStatus,
    HttpClient http,
    StatusLeadership leadership,
    TimeProvider time,
    ILoggerFactory loggers,
    AdGuardMetrics? metrics = null,
    Operations.AdGuardReachability? reachability = null)
{
    private readonly ILogger _logger = loggers.CreateLogger<AdGuardReconciler>();

    public async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        var desired = DesiredStateBuilder.Build(lists.Lister.List(), clients.Lister.List());
        ConvergeReport report;
        try
        {
            // The Secret is read each time: a rotated password is used without a restart.
            var api = new AdGuardApiClient(http, settings.Credentials());
            var applier = new AdGuardApplier(api, loggers.CreateLogger<AdGuardApplier>(), metrics);
            report = await applier.ConvergeAsync(desired, settings.ConvergeOptions(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Unreachable(e, cancellationToken))
        {
            LogUnreachable(e.Message);
            reachability?.Unreachable(e.Message);
            var problems = await WriteUnreachableAsync(desired, e.Message, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Failed($"AdGuard Home: {e.Message}{problems}");
        }

        reachability?.Reached();
        var inEffect = report.Outcomes.Count(o => o.Status is OutcomeStatus.Applied or OutcomeStatus.Degraded);
        LogConverged(report.Applied.Count, inEffect, report.Outcomes.Count);
        foreach (var failure in report.UnownedFailures)
        {
            LogUnownedFailure(failure);
        }

        var failures = 0;
        foreach (var outcome in report.Outcomes)
        {
            failures += await WriteAsync(outcome.Resource, (g, s, now) => AdGuardResourceStatus.From(outcome, g, s, now), cancellationToken).ConfigureAwait(false) ? 0 : 1;
        }

        return failures == 0 ? ReconcileResult.RequeueAfter(settings.ResyncInterval) : ReconcileResult.Failed($"{failures} status writes failed");
    }

    private static bool Unreachable(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or AdGuardApiException or JsonException or IOException
        || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task<string> WriteUnreachableAsync(DesiredState desired, string message, CancellationToken cancellationToken)
    {
        var known = desired.Outcomes.ToDictionary(o => o.Resource);
        var failures = 0;
        foreach (var resource in desired.Resources.Concat(known.Keys).Distinct())
        {
            Func<long?, ResourceStatus?, DateTimeOffset, ResourceStatus> next = known.TryGetValue(resource, out var outcome) && outcome.Status is OutcomeStatus.Invalid
                ? (g, s, now) => AdGuardResourceStatus.From(outcome, g, s, now)
                : (g, s, now) => AdGuardResourceStatus.Unreachable($"AdGuard Home did not answer: {message}", g, s, now);
            failures += await WriteAsync(resource, next, cancellationToken).ConfigureAwait(false) ? 0 : 1;
        }

        return failures == 0 ? "" : $"; {failures} status writes failed";
    }

    /// <returns>False when the write failed (logged); true when written, current, deleted meanwhile or not ours to write.</returns>
    private async Task<bool> WriteAsync(ResourceRef resource, Func<long?, ResourceStatus?, DateTimeOffset, ResourceStatus> next, CancellationToken cancellationToken)
    {
        if (!leadership.MayWriteStatus)
        {
            return true;
        }

        try
        {
            var now = time.GetUtcNow();
            if (resource.Kind == ResourceRef.ClientKind)
            {
                if (clients.Lister.Get(resource.Namespace, resource.Name) is { } client)
                {
                    await clientStatus.WriteAsync(client, next(client.Metadata.Generation, client.Status, now), cancellationToken).ConfigureAwait(false);
                }
            }
            else if (lists.Lister.Get(resource.Namespace, resource.Name) is { } list)
            {
                await listStatus.WriteAsync(list, next(list.Metadata.Generation, list.Status, now), cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response?.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return true; // deleted meanwhile: its Deleted event queues the set again
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStatusFailed(e, resource.ToString());
            return false;
        }
    }

    [LoggerMessage(EventId = 701, Level = LogLevel.Information,
        Message = "Converged AdGuard Home: {Calls} API calls, {InEffect} of {Resources} resources in effect")]
    private partial void LogConverged(int calls, int inEffect, int resources);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "AdGuard Home is unreachable; retrying with backoff: {Error}")]
    private partial void LogUnreachable(string error);

    [LoggerMessage(EventId = 703, Level = LogLevel.Warning, Message = "AdGuard Home refused a call no resource owns: {Error}")]
    private partial void LogUnownedFailure(string error);

    [LoggerMessage(EventId = 704, Level = LogLevel.Warning, Message = "Could not write the status of {Resource}")]
    private partial void LogStatusFailed(Exception exception, string resource);
}
