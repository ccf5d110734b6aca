using Fos1.Kubernetes.Informers;
using Fos1.Kubernetes.Listers;
using Fos1.Kubernetes.Queues;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Kubernetes.Controllers;

/// <summary>
/// Informer + lister + work queue around one reconcile function. Every change of a watched object (and of
/// any other kind mapped to it with <see cref="Watches{TOther}"/>) queues its <see cref="ReconcileRequest"/>;
/// workers reconcile each key from the lister's current state, level-triggered, never concurrently per key.
/// </summary>
public sealed class Controller<T> : IDisposable
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Informer<T> _informer;
    private readonly Func<ReconcileRequest, CancellationToken, Task<ReconcileResult>> _reconcile;
    private readonly ControllerOptions _options;
    private readonly ILogger _logger;
    private readonly WorkQueue<ReconcileRequest> _queue;
    private readonly List<(Func<CancellationToken, Task> Run, Func<CancellationToken, Task> Synced)> _sources = [];

    public Controller(
        string name,
        Informer<T> informer,
        Func<ReconcileRequest, CancellationToken, Task<ReconcileResult>> reconcile,
        ControllerOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<Controller<T>>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(informer);
        ArgumentNullException.ThrowIfNull(reconcile);
        Name = name;
        _informer = informer;
        _reconcile = reconcile;
        _options = options ?? new ControllerOptions();
        _logger = logger ?? NullLogger<Controller<T>>.Instance;
        _queue = new WorkQueue<ReconcileRequest>(_options.Queue, timeProvider);
        informer.AddHandler(change => _queue.Add(ReconcileRequest.For(change.Object)));
        _sources.Add((informer.RunAsync, informer.WaitForSyncAsync));
    }

    public string Name { get; }

    /// <summary>The cache reconcile functions read the object from.</summary>
    public Lister<T> Lister => _informer.Lister;

    /// <summary>Reconciles the objects <paramref name="map"/> names whenever an object of another kind changes.</summary>
    public Controller<T> Watches<TOther>(Informer<TOther> informer, Func<TOther, IEnumerable<ReconcileRequest>> map)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(informer);
        ArgumentNullException.ThrowIfNull(map);
        informer.AddHandler(change =>
        {
            foreach (var request in map(change.Object))
            {
                _queue.Add(request);
            }
        });
        _sources.Add((informer.RunAsync, informer.WaitForSyncAsync));
        return this;
    }

    /// <summary>Queues a reconcile by hand (e.g. when something outside the API changed).</summary>
    public void Enqueue(ReconcileRequest request) => _queue.Add(request);

    /// <summary>Runs the informers (unless told not to), waits for their caches, then reconciles until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var informers = _options.RunInformers
            ? _sources.Select(source => source.Run(stop.Token)).ToList()
            : [];
        try
        {
            await Task.WhenAll(_sources.Select(source => source.Synced(stop.Token))).ConfigureAwait(false);
            ControllerLog.Started(_logger, Name, _options.Workers);
            await _queue.RunWorkersAsync(_options.Workers, ReconcileAsync, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(informers).ConfigureAwait(false);
        }
    }

    public void Dispose() => _queue.Dispose();

    private async Task ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        ReconcileResult result;
        try
        {
            result = await _reconcile(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            ControllerLog.Threw(_logger, e, Name, request);
            result = ReconcileResult.Failed(e.Message);
        }

        ControllerLog.Reconciled(_logger, Name, request, result.Outcome);
        switch (result.Outcome)
        {
            case ReconcileOutcome.Done:
                _queue.Forget(request);
                break;
            case ReconcileOutcome.RequeueAfter:
                _queue.Forget(request);
                _queue.AddAfter(request, result.Delay);
                break;
            default:
                _queue.AddRateLimited(request);
                ControllerLog.Failed(_logger, Name, request, _queue.Failures(request), result.Reason);
                break;
        }
    }
}
