using Fos1.Crds.Dhcp;
using Fos1.Ddns.Leases;
using Fos1.Kea.Configuration.Applying;
using Fos1.Kea.Configuration.Rendering;
using Fos1.Kea.Configuration.Status;
using Fos1.Kubernetes.Controllers;
using Fos1.Kubernetes.Hosting;
using Fos1.Kubernetes.Listers;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Status;
using Fos1.Sidecars.Kea.Pipeline;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Fos1.Sidecars.Kea.Services;

/// <summary>
/// One reconcile of a family: every resource in the lister -> one rendered Kea configuration -> config-test,
/// config-set, config-write -> each resource's status (leader only). Level-triggered: it never looks at what
/// changed, so any number of queued changes collapse into one apply.
/// </summary>
public sealed partial class KeaConfigReconciler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>, IHasStatus<DhcpServiceStatus>
{
    private readonly KeaConfigFamily<T> _family;
    private readonly KeaConfigTemplate _template;
    private readonly KeaRenderOptions _renderOptions;
    private readonly Lister<T> _lister;
    private readonly KeaConfigApplier _applier;
    private readonly StatusWriter<T, DhcpServiceStatus> _statusWriter;
    private readonly StatusLeadership _leadership;
    private readonly ForwardOnlyScope _forwardOnly;
    private readonly KeaConfigMetrics _metrics;
    private readonly TimeSpan _reapply;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public KeaConfigReconciler(
        KeaConfigFamily<T> family,
        KeaConfigTemplate template,
        KeaRenderOptions renderOptions,
        Lister<T> lister,
        KeaConfigApplier applier,
        StatusWriter<T, DhcpServiceStatus> statusWriter,
        StatusLeadership leadership,
        ForwardOnlyScope forwardOnly,
        KeaConfigMetrics metrics,
        TimeSpan reapply,
        TimeProvider time,
        ILogger logger)
    {
        _family = family;
        _template = template;
        _renderOptions = renderOptions;
        _lister = lister;
        _applier = applier;
        _statusWriter = statusWriter;
        _leadership = leadership;
        _forwardOnly = forwardOnly;
        _metrics = metrics;
        _reapply = reapply;
        _time = time;
        _logger = logger;
    }

    public async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        var services = _lister.List();
        var rendering = _family.Render(services, _template, _renderOptions);
        _metrics.Rendered(rendering);
        var result = await _applier.ApplyAsync(rendering.Config, cancellationToken).ConfigureAwait(false);
        if (result is ApplyResult.Applied)
        {
            // The filter follows what Kea runs, not what it refused.
            _forwardOnly.Replace(_family.Family, ForwardOnlySubnets.Of(rendering.ForwardOnlySubnets));
        }

        LogApplied(_family.Family, services.Count, rendering.ConfigHash, result.GetType().Name);
        var statusFailures = _leadership.MayWriteStatus ? await WriteStatusesAsync(services, rendering, result, cancellationToken).ConfigureAwait(false) : 0;
        return result switch
        {
            ApplyResult.Unreachable unreachable => ReconcileResult.Failed($"Kea unreachable: {unreachable.Error}"),
            _ when statusFailures > 0 => ReconcileResult.Failed($"{statusFailures} status writes failed"),
            _ when _reapply > TimeSpan.Zero => ReconcileResult.RequeueAfter(_reapply),
            _ => ReconcileResult.Done,
        };
    }

    private async Task<int> WriteStatusesAsync(IReadOnlyList<T> services, KeaConfigRendering rendering, ApplyResult result, CancellationToken cancellationToken)
    {
        var failures = 0;
        var now = _time.GetUtcNow();
        foreach (var service in services)
        {
            var metadata = service.Metadata;
            if (rendering.OutcomeOf(metadata.NamespaceProperty ?? "", metadata.Name ?? "") is not { } outcome)
            {
                continue;
            }

            try
            {
                var status = DhcpServiceStatusMapper.Map(outcome, result, service.Status, now);
                await _statusWriter.WriteAsync(service, status, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A resource deleted meanwhile fails too; the next reconcile no longer lists it.
                failures++;
                LogStatusFailed(e, _family.Kind.Kind, outcome.Key, e.Message);
            }
        }

        return failures;
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "kea-dhcp{Family}: {Count} resources rendered as {ConfigHash}: {Result}")]
    private partial void LogApplied(int family, int count, string configHash, string result);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Could not write the status of {Kind} {Key}: {Problem}")]
    private partial void LogStatusFailed(Exception exception, string kind, string key, string problem);
}
