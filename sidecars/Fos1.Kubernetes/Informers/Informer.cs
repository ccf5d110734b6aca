using System.Diagnostics.Metrics;
using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Listers;
using Fos1.Kubernetes.Resources;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Kubernetes.Informers;

/// <summary>
/// Keeps a <see cref="Lister{T}"/> in step with the API server: list (paged), then watch from the list's
/// resourceVersion with bookmarks; re-watch from the last seen resourceVersion when the stream ends or fails
/// (with backoff), re-list when the server says 410 Gone, and re-deliver the cache every resync period.
/// Handlers run on the informer's loop, one event at a time; keep them short (enqueue, don't reconcile).
/// </summary>
public sealed class Informer<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IResourceClient<T> _client;
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly InformerMetrics _metrics;
    private readonly string _kind;
    private readonly InformerStore<T> _store;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    public Informer(
        IResourceClient<T> client,
        InformerOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<Informer<T>>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new InformerOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<Informer<T>>.Instance;
        _kind = client.Kind.ToString();
        _metrics = new InformerMetrics(meterFactory, _kind);
        _store = new InformerStore<T>(_kind, _logger);
    }

    public ResourceKind Kind => _client.Kind;

    public Lister<T> Lister => _store.Lister;

    /// <summary>True once the first full list is in the cache.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>The resourceVersion the next watch starts from (the last list, event or bookmark).</summary>
    public string ResourceVersion => _store.ResourceVersion;

    /// <summary>Adds a handler. Handlers added after the first list do not get the objects already cached.</summary>
    public void AddHandler(Action<InformerEvent<T>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _store.AddHandler(handler);
    }

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Lists, watches and resyncs until cancelled. An informer runs once.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException($"The informer of {Kind} is already running.");
        }

        var resync = _options.ResyncPeriod > TimeSpan.Zero ? ResyncAsync(cancellationToken) : Task.CompletedTask;
        try
        {
            await ListAndWatchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await resync.ConfigureAwait(false);
        }
    }

    private async Task ListAndWatchAsync(CancellationToken cancellationToken)
    {
        var kind = _kind;
        var needsList = true;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var operation = needsList ? "List" : "Watch";
            try
            {
                if (needsList)
                {
                    await ListAsync(cancellationToken).ConfigureAwait(false);
                    needsList = false;
                }

                var received = await WatchAsync(cancellationToken).ConfigureAwait(false);
                if (received > 0)
                {
                    failures = 0;
                }

                var delay = NextDelay(failures++);
                InformerLog.WatchEnded(_logger, kind, received, delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                _metrics.Reconnected();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (ResourceExpiredException)
            {
                InformerLog.Expired(_logger, kind, ResourceVersion);
                needsList = true;

                // A server that keeps answering 410 right after a fresh list must not be hammered.
                if (failures++ > 0)
                {
                    await DelayQuietlyAsync(NextDelay(failures), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                var delay = NextDelay(failures++);
                InformerLog.Failed(_logger, e, operation, kind, delay);
                await DelayQuietlyAsync(delay, cancellationToken).ConfigureAwait(false);
                if (!needsList)
                {
                    _metrics.Reconnected();
                }
            }
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? continueToken = null;
        string resourceVersion;
        do
        {
            var page = await _client.ListAsync(_options.Namespace, _options.PageSize, continueToken, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items);
            resourceVersion = page.ResourceVersion;
            continueToken = page.Continue;
        }
        while (continueToken is not null);

        _metrics.Relisted();
        _store.Replace(items, resourceVersion);
        InformerLog.Listed(_logger, items.Count, _kind, resourceVersion);
        _synced.TrySetResult();
    }

    private async Task<int> WatchAsync(CancellationToken cancellationToken)
    {
        var received = 0;
        await foreach (var (type, resource) in _client.WatchAsync(_options.Namespace, ResourceVersion, cancellationToken).ConfigureAwait(false))
        {
            received++;
            _metrics.Received(type.ToString());
            _store.Apply(type, resource);
        }

        return received;
    }

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.ResyncPeriod, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!HasSynced)
                {
                    continue;
                }

                var count = _store.Resync();
                InformerLog.Resynced(_logger, count, _kind);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private TimeSpan NextDelay(int failures) =>
        Backoff.Delay(failures, _options.MinBackoff, _options.MaxBackoff, Random.Shared.NextDouble());

    private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
