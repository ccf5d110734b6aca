using System.Collections.Concurrent;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Transactions;
using Fos1.Dns.Dispatch;

namespace Fos1.Dns.Tests.Dispatch;

/// <summary>The outbox's contract without the disk: arrival order, each change handed out once, completions recorded.</summary>
internal sealed class InMemoryPendingChanges : IPendingChanges
{
    private readonly Queue<QueuedChange> _pending = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId = 1;
    private int _outstanding;
    private int _maxOutstanding;

    public ConcurrentQueue<(QueuedChange Change, TransactionResult Result)> Completed { get; } = new();

    /// <summary>The most changes ever handed out and not yet completed at once.</summary>
    public int MaxOutstanding => Volatile.Read(ref _maxOutstanding);

    public void Add(params NameChange[] changes)
    {
        lock (_gate)
        {
            foreach (var change in changes)
            {
                _pending.Enqueue(new QueuedChange(_nextId++, change));
            }

            _ready.TrySetResult();
        }
    }

    /// <summary>One change that entered the sidecar at <paramref name="receivedAt"/> (the outbox's append time).</summary>
    public void AddReceived(NameChange change, DateTimeOffset receivedAt)
    {
        lock (_gate)
        {
            _pending.Enqueue(new QueuedChange(_nextId++, change, receivedAt));
            _ready.TrySetResult();
        }
    }

    public Task WaitForPendingAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pending.Count > 0)
            {
                return Task.CompletedTask;
            }

            if (_ready.Task.IsCompleted)
            {
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return _ready.Task.WaitAsync(cancellationToken);
        }
    }

    public IReadOnlyList<QueuedChange> Take(int maxCount)
    {
        lock (_gate)
        {
            var batch = new List<QueuedChange>();
            while (batch.Count < maxCount && _pending.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            _outstanding += batch.Count;
            _maxOutstanding = Math.Max(_maxOutstanding, _outstanding);
            return batch;
        }
    }

    public Task CompleteAsync(QueuedChange change, TransactionResult result, CancellationToken cancellationToken)
    {
        Completed.Enqueue((change, result));
        lock (_gate)
        {
            _outstanding--;
        }

        return Task.CompletedTask;
    }
}
