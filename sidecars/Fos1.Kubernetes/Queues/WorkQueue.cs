using System.Diagnostics.CodeAnalysis;

namespace Fos1.Kubernetes.Queues;

/// <summary>
/// A queue of keys to reconcile, shaped like client-go's workqueue: a key queued many times is taken once;
/// a key taken and queued again is handed out again only after <see cref="Done"/>, so no key is ever worked
/// on by two workers at once. Failures back off per key (<see cref="AddRateLimited"/>) until
/// <see cref="Forget"/>. Delays run on the injected <see cref="TimeProvider"/>.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a queue, and the name controllers know it by.")]
public sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Queue<TKey> _ready = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly Dictionary<TKey, (DateTimeOffset Due, ITimer Timer)> _waiting = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly WorkQueueOptions _options;
    private readonly TimeProvider _time;
    private bool _shutDown;

    public WorkQueue(WorkQueueOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new WorkQueueOptions();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Keys ready to be taken (not counting those being processed or waiting on a delay).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ready.Count;
            }
        }
    }

    public void Add(TKey key)
    {
        lock (_gate)
        {
            if (_shutDown || !_dirty.Add(key))
            {
                return;
            }

            // A key being processed is re-queued by Done, never handed to a second worker.
            if (_processing.Contains(key))
            {
                return;
            }

            _ready.Enqueue(key);
        }

        _available.Release();
    }

    /// <summary>Adds the key once the delay has passed; of several pending delays for a key the earliest wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            if (_shutDown)
            {
                return;
            }

            var due = _time.GetUtcNow() + delay;
            if (_waiting.TryGetValue(key, out var pending))
            {
                if (pending.Due <= due)
                {
                    return;
                }

                pending.Timer.Dispose();
            }

            var timer = _time.CreateTimer(_ => Fire(key, due), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _waiting[key] = (due, timer);
            timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Adds the key after its own backoff, which doubles with each call until <see cref="Forget"/>.</summary>
    public void AddRateLimited(TKey key) => AddAfter(key, NextBackoff(key));

    /// <summary>Clears the key's failure count (after a successful reconcile).</summary>
    public void Forget(TKey key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    public int Failures(TKey key)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    /// <summary>Waits for a key and marks it as being processed; call <see cref="Done"/> when finished with it.</summary>
    public async Task<TKey> TakeAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        while (true)
        {
            await _available.WaitAsync(linked.Token).ConfigureAwait(false);
            lock (_gate)
            {
                if (_shutDown)
                {
                    throw new OperationCanceledException("The work queue was shut down.");
                }

                if (_ready.TryDequeue(out var key))
                {
                    _processing.Add(key);
                    _dirty.Remove(key);
                    return key;
                }
            }
        }
    }

    /// <summary>Ends processing of a key; if it was added meanwhile it is queued again now.</summary>
    public void Done(TKey key)
    {
        lock (_gate)
        {
            if (!_processing.Remove(key) || !_dirty.Contains(key) || _shutDown)
            {
                return;
            }

            _ready.Enqueue(key);
        }

        _available.Release();
    }

    /// <summary>
    /// Runs <paramref name="workers"/> loops that take keys and call <paramref name="work"/> until cancelled;
    /// a key whose work throws is re-added rate-limited.
    /// </summary>
    public Task RunWorkersAsync(int workers, Func<TKey, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentNullException.ThrowIfNull(work);
        return Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(work, cancellationToken), CancellationToken.None)));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _shutDown = true;
            foreach (var (_, timer) in _waiting.Values)
            {
                timer.Dispose();
            }

            _waiting.Clear();
        }

        // Wakes every TakeAsync; the semaphore and the source stay undisposed so late callers see cancellation, not ObjectDisposedException.
        _stopping.Cancel();
    }

    private async Task WorkAsync(Func<TKey, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TKey key;
            try
            {
                key = await TakeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await work(key, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The work reports its own failures; a throw is one more, retried like any other.
                AddRateLimited(key);
            }
            finally
            {
                Done(key);
            }
        }
    }

    private void Fire(TKey key, DateTimeOffset due)
    {
        lock (_gate)
        {
            // A later AddAfter with an earlier due time replaced this timer; only the current one adds.
            if (!_waiting.TryGetValue(key, out var pending) || pending.Due != due)
            {
                return;
            }

            _waiting.Remove(key);
            pending.Timer.Dispose();
        }

        Add(key);
    }

    private TimeSpan NextBackoff(TKey key)
    {
        int failures;
        lock (_gate)
        {
            failures = _failures.GetValueOrDefault(key);
            _failures[key] = failures + 1;
        }

        var delay = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 40));
        return TimeSpan.FromMilliseconds(Math.Min(delay, _options.MaxDelay.TotalMilliseconds));
    }
}
