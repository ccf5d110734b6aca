using Fos1.Crds.Dns;
using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Controllers;
using Fos1.Kubernetes.Hosting;
using Fos1.Kubernetes.Informers;
using Fos1.Kubernetes.Status;
using Fos1.Sidecars.Dns.Zones;
using Fos1.Zones.Store;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fos1.Sidecars.Dns.Services;

/// <summary>
/// The DNSZone/PTRZone controller. Conflicts between resources are decided over the whole set, so every
/// change of either kind queues one key, <see cref="AllZones"/>, whose reconcile hands all resources to
/// <see cref="ZoneCrApplier"/> and writes each resource's <see cref="ZoneStatus"/>. Every replica applies;
/// only the status writer (<see cref="StatusLeadership"/>) writes status, and a new writer re-reconciles at once.
/// Start-up waits (bounded) for both lists and applies them before the listeners start, so a restarted
/// sidecar never answers with its configured zones only and then flips.
/// </summary>
public sealed partial class ZoneResourceService : IHostedService, IDisposable
{
    /// <summary>The one work-queue key: the set of DNSZone and PTRZone resources.</summary>
    public static readonly ReconcileRequest AllZones = new(null, "dnszones+ptrzones");

    private readonly Informer<DnsZone> _dnsZones;
    private readonly Informer<PtrZone> _ptrZones;
    private readonly StatusWriter<DnsZone, ZoneStatus> _dnsStatus;
    private readonly StatusWriter<PtrZone, ZoneStatus> _ptrStatus;
    private readonly Controller<DnsZone> _controller;
    private readonly ZoneCrApplier _applier;
    private readonly ZoneStore _store;
    private readonly StatusLeadership _leadership;
    private readonly ZoneResourceTimings _timings;
    private readonly Func<CancellationToken, Task> _withoutResources;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private volatile HashSet<DnsName> _resourceZones = [];
    private int _serialRefreshPending;
    private long _firstAppliedTicks;
    private Task _running = Task.CompletedTask;

    /// <param name="withoutResources">What start-up does when the lists do not arrive in time (write the configured zones' Corefile).</param>
    public ZoneResourceService(
        KubernetesApi client, InformerOptions informers, ZoneCrApplier applier, ZoneStore store, StatusLeadership leadership,
        ZoneResourceTimings timings, Func<CancellationToken, Task> withoutResources, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(loggers);
        _applier = applier ?? throw new ArgumentNullException(nameof(applier));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _leadership = leadership ?? throw new ArgumentNullException(nameof(leadership));
        _timings = timings ?? throw new ArgumentNullException(nameof(timings));
        _withoutResources = withoutResources ?? throw new ArgumentNullException(nameof(withoutResources));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = loggers.CreateLogger<ZoneResourceService>();
        var dnsClient = new CustomResourceClient<DnsZone>(client, DnsKinds.Zone);
        var ptrClient = new CustomResourceClient<PtrZone>(client, DnsKinds.PtrZone);
        _dnsZones = new Informer<DnsZone>(dnsClient, informers, time, loggers.CreateLogger<Informer<DnsZone>>());
        _ptrZones = new Informer<PtrZone>(ptrClient, informers, time, loggers.CreateLogger<Informer<PtrZone>>());
        _dnsStatus = new StatusWriter<DnsZone, ZoneStatus>(dnsClient, loggers.CreateLogger<StatusWriter<DnsZone, ZoneStatus>>());
        _ptrStatus = new StatusWriter<PtrZone, ZoneStatus>(ptrClient, loggers.CreateLogger<StatusWriter<PtrZone, ZoneStatus>>());

        // One worker: applies are serialized by the applier anyway, and the set is one key.
        _controller = new Controller<DnsZone>("zones", _dnsZones, ReconcileAsync,
            new ControllerOptions { Workers = 1, RunInformers = false }, time, loggers.CreateLogger<Controller<DnsZone>>());
        _controller.Watches(_ptrZones, _ => []);
        _dnsZones.AddHandler(Changed);
        _ptrZones.AddHandler(Changed);
        _leadership.Acquired += OnAcquired;
    }

    /// <summary>When the resources were first listed and applied (readiness); null until then.</summary>
    public DateTimeOffset? FirstAppliedAt => Interlocked.Read(ref _firstAppliedTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var stop = _stopping.Token;
        var informers = Task.WhenAll(_dnsZones.RunAsync(stop), _ptrZones.RunAsync(stop));
        var serials = RefreshSerialsAsync(stop);
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wait.CancelAfter(_timings.SyncTimeout);
            try
            {
                await Task.WhenAll(_dnsZones.WaitForSyncAsync(wait.Token), _ptrZones.WaitForSyncAsync(wait.Token)).ConfigureAwait(false);
                var first = await ReconcileAsync(AllZones, cancellationToken).ConfigureAwait(false);
                LogFirstApply(_logger, _dnsZones.Lister.Count, _ptrZones.Lister.Count, first.Outcome);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The informers' first events queued the set: the controller retries with backoff.
                LogFirstApplyFailed(_logger, e);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                LogNotSynced(_logger, _timings.SyncTimeout);
                await _withoutResources(cancellationToken).ConfigureAwait(false);
            }
        }

        _running = Task.WhenAll(informers, serials, _controller.RunAsync(stop));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _leadership.Acquired -= OnAcquired;
        _controller.Dispose();
        _stopping.Dispose();
    }

    private void OnAcquired() => _controller.Enqueue(AllZones);

    /// <summary>
    /// Queues the set for any change but a status-only one (same generation): our own status writes come back
    /// as watch events and must not cause another apply.
    /// </summary>
    private void Changed<T>(InformerEvent<T> change)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (change is { Type: InformerEventType.Updated, IsResync: false, OldObject: { } old }
            && old.Metadata?.Generation is { } before && before == change.Object.Metadata?.Generation)
        {
            return;
        }

        _controller.Enqueue(AllZones);
    }

    private async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        // The controller also queues each object's own key; the set's key (queued by Changed) does the work.
        if (request != AllZones)
        {
            return ReconcileResult.Done;
        }

        var outcomes = await _applier.ApplyAsync(_dnsZones.Lister.List(), _ptrZones.Lister.List(), cancellationToken).ConfigureAwait(false);
        Interlocked.CompareExchange(ref _firstAppliedTicks, _time.GetUtcNow().UtcTicks, 0);
        _resourceZones = outcomes.Where(o => o.Ready && o.Zone is not null).Select(o => o.Zone!).ToHashSet();
        var problems = outcomes.Where(o => o.State == ZoneCrState.Failed).Select(o => o.Message).ToList();
        if (_leadership.MayWriteStatus)
        {
            foreach (var outcome in outcomes)
            {
                if (await WriteStatusAsync(outcome, cancellationToken).ConfigureAwait(false) is { } problem)
                {
                    problems.Add(problem);
                }
            }
        }

        return problems.Count == 0 ? ReconcileResult.Done : ReconcileResult.Failed(string.Join("; ", problems));
    }

    /// <returns>Null when written or already current; else why not.</returns>
    private async Task<string?> WriteStatusAsync(ZoneCrOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            var namespaceName = outcome.Namespace.Length == 0 ? null : outcome.Namespace;
            var now = _time.GetUtcNow();
            var wrote = outcome.Kind == ZoneCrMapping.PtrZoneKind
                ? _ptrZones.Lister.Get(namespaceName, outcome.Name) is { } ptr
                    && await _ptrStatus.WriteAsync(ptr, outcome.ToStatus(now, ptr.Status), cancellationToken).ConfigureAwait(false)
                : _dnsZones.Lister.Get(namespaceName, outcome.Name) is { } dns
                    && await _dnsStatus.WriteAsync(dns, outcome.ToStatus(now, dns.Status), cancellationToken).ConfigureAwait(false);
            if (wrote)
            {
                LogStatus(_logger, outcome.Kind, outcome.Namespace, outcome.Name, outcome.State, outcome.Serial, outcome.Generation);
            }

            return null;
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response?.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null; // deleted meanwhile: its Deleted event queues the set again
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStatusFailed(_logger, e, outcome.Kind, outcome.Namespace, outcome.Name);
            return $"status of {outcome.Kind} {outcome.Namespace}/{outcome.Name}: {e.Message}";
        }
    }

    /// <summary>
    /// DHCP updates move the serial of resource zones; status.serial follows, at most once per
    /// <see cref="ZoneResourceTimings.SerialInterval"/> however many UPDATEs arrive.
    /// </summary>
    private async Task RefreshSerialsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in _store.WatchAsync(cancellationToken).ConfigureAwait(false))
            {
                if (change.Kind != ZoneChangeKind.Changed || !_leadership.MayWriteStatus || !_resourceZones.Contains(change.Zone)
                    || Interlocked.Exchange(ref _serialRefreshPending, 1) == 1)
                {
                    continue;
                }

                _ = EnqueueAfterIntervalAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task EnqueueAfterIntervalAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(_timings.SerialInterval, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        // Cleared before queueing, so a change that lands during the reconcile schedules the next refresh.
        Volatile.Write(ref _serialRefreshPending, 0);
        _controller.Enqueue(AllZones);
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Applied the first list of resources ({DnsZones} DNSZone, {PtrZones} PTRZone) before serving: {Outcome}")]
    private static partial void LogFirstApply(ILogger logger, int dnsZones, int ptrZones, ReconcileOutcome outcome);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "The first apply of the DNSZone/PTRZone resources failed; retrying")]
    private static partial void LogFirstApplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "The DNSZone/PTRZone lists did not arrive within {Timeout}; serving the configured zones until they do")]
    private static partial void LogNotSynced(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Wrote the status of {Kind} {Namespace}/{Name}: {State}, serial {Serial}, observedGeneration {Generation}")]
    private static partial void LogStatus(ILogger logger, string kind, string @namespace, string name, ZoneCrState state, uint? serial, long? generation);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Could not write the status of {Kind} {Namespace}/{Name}")]
    private static partial void LogStatusFailed(ILogger logger, Exception exception, string kind, string @namespace, string name);
}
