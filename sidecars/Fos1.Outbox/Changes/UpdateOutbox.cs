using System.Buffers;
using Fos1.Ddns.Leases;
using Fos1.Outbox.Journaling;
using Microsoft.Extensions.Logging;

namespace Fos1.Outbox.Changes;

/// <summary>
/// The durable queue between lease sources and the DNS sender. <see cref="AppendAsync"/> returns once
/// the change is on disk (acknowledge the source only then); <see cref="TakeBatch"/> hands out pending
/// changes in append order; <see cref="CompleteAsync"/> records that DNS reflects one. After a restart,
/// every change without a completion is pending again, in its original order. Only ids, offsets and key
/// hashes live in memory (~136 bytes per pending change); the changes are read back from the journal.
/// </summary>
public sealed partial class UpdateOutbox : IDisposable
{
    public const string JournalFileName = "outbox.journal";

    private readonly OutboxOptions _options;
    private readonly ILogger _logger;
    private readonly OutboxMetrics? _metrics;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, OutboxSlot> _live = [];
    private readonly Queue<OutboxSlot> _unsent = new();
    private readonly Dictionary<int, OutboxSlot> _latestUnsentByKey = [];
    private readonly ArrayBufferWriter<byte> _encoder = new(512);
    private Journal _journal = null!;
    private TaskCompletionSource? _readySignal;
    private long _nextId = 1;
    private long _appendedInFile;
    private int _compacting;

    private UpdateOutbox(OutboxOptions options, ILogger logger, OutboxMetrics? metrics, TimeProvider time)
    {
        _time = time;
        _options = options;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Changes persisted and not completed (handed out or not).</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _live.Count;
            }
        }
    }

    /// <summary>
    /// How long the oldest pending change has waited (zero when none): since it was appended, or for one replayed
    /// after a restart, since the outbox was opened (the journal keeps no times). Walks the pending index: read it
    /// per scrape, not per change.
    /// </summary>
    public TimeSpan OldestPendingAge
    {
        get
        {
            DateTimeOffset? oldest = null;
            lock (_gate)
            {
                foreach (var slot in _live.Values)
                {
                    if (oldest is null || slot.AppendedAt < oldest)
                    {
                        oldest = slot.AppendedAt;
                    }
                }
            }

            return oldest is { } at && _time.GetUtcNow() - at is { Ticks: > 0 } age ? age : TimeSpan.Zero;
        }
    }

    /// <summary>Current journal size in bytes.</summary>
    public long JournalLength => _journal.Length;

    /// <summary>Bytes of a torn or corrupt tail cut off when this outbox was opened.</summary>
    public long TruncatedBytes => _journal.TruncatedBytes;

    /// <summary>Opens the journal in <see cref="OutboxOptions.Directory"/> and rebuilds the pending index from it.</summary>
    /// <param name="time">The clock of <see cref="OutboxEntry.AppendedAt"/> and <see cref="OldestPendingAge"/> (default: the system's).</param>
    public static UpdateOutbox Open(OutboxOptions options, ILogger<UpdateOutbox> logger, OutboxMetrics? metrics = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var outbox = new UpdateOutbox(options, logger, metrics, time ?? TimeProvider.System);
        outbox._journal = Journal.Open(Path.Combine(options.Directory, JournalFileName), "outbox", outbox.Replay, logger, metrics, outbox.OnBatch);
        metrics?.ObservePending(() => outbox.PendingCount);
        metrics?.ObserveOldestAge(() => outbox.OldestPendingAge);
        LogOpened(logger, outbox._journal.Length, outbox._live.Count, outbox._nextId);
        return outbox;
    }

    /// <summary>
    /// Persists one change; completes when it is durable and returns its id. Throws
    /// <see cref="JournalWriteException"/> (disk full, I/O error) when it is not: then do not acknowledge its source.
    /// </summary>
    public async Task<long> AppendAsync(NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Task durable;
        long id;
        lock (_gate)
        {
            id = _nextId++;
            _encoder.ResetWrittenCount();
            OutboxRecord.WriteAppended(_encoder, id, change);
            var slot = new OutboxSlot(id, OutboxSlot.HashOf(change), change, _time.GetUtcNow());
            _live[id] = slot;
            _unsent.Enqueue(slot);
            durable = _journal.AppendAsync(_encoder.WrittenSpan, slot);
        }

        await durable.ConfigureAwait(false);
        return id;
    }

    /// <summary>
    /// Hands out up to <paramref name="maxCount"/> durable, unsent changes in append order and marks them
    /// in flight. In-flight changes are handed out again only after a restart.
    /// </summary>
    public IReadOnlyList<OutboxEntry> TakeBatch(int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var batch = new List<OutboxEntry>();
        lock (_gate)
        {
            while (batch.Count < maxCount && NextReady() is { } slot)
            {
                _unsent.Dequeue();
                slot.State = SlotState.InFlight;
                if (_latestUnsentByKey.TryGetValue(slot.KeyHash, out var latest) && latest == slot)
                {
                    _latestUnsentByKey.Remove(slot.KeyHash);
                }

                batch.Add(new OutboxEntry(slot.Id, ReadChange(slot), slot.AppendedAt));
            }
        }

        return batch;
    }

    /// <summary>Completes when <see cref="TakeBatch"/> has something to hand out.</summary>
    public Task WaitForPendingAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (NextReady() is not null)
            {
                return Task.CompletedTask;
            }

            _readySignal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _readySignal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Records that DNS reflects the change; completes when the marker is durable. Unknown ids are ignored.</summary>
    public async Task CompleteAsync(long id)
    {
        Task durable;
        lock (_gate)
        {
            if (!_live.Remove(id, out var slot))
            {
                return;
            }

            Forget(slot);
            durable = AppendCompletion([id]);
        }

        await durable.ConfigureAwait(false);
        CompactIfWorthIt();
    }

    public void Dispose() => _journal.Dispose();

    /// <summary>The first unsent slot if it is durable; skips slots that are gone.</summary>
    private OutboxSlot? NextReady()
    {
        while (_unsent.TryPeek(out var slot))
        {
            if (slot.State == SlotState.Gone)
            {
                _unsent.Dequeue();
                continue;
            }

            return slot.State == SlotState.Ready ? slot : null;
        }

        return null;
    }

    private void Forget(OutboxSlot slot)
    {
        slot.State = SlotState.Gone;
        slot.Change = null;
        if (_latestUnsentByKey.TryGetValue(slot.KeyHash, out var latest) && latest == slot)
        {
            _latestUnsentByKey.Remove(slot.KeyHash);
        }
    }

    private Task AppendCompletion(IReadOnlyCollection<long> ids)
    {
        _encoder.ResetWrittenCount();
        OutboxRecord.WriteCompleted(_encoder, ids);
        return _journal.AppendAsync(_encoder.WrittenSpan);
    }

    private NameChange ReadChange(OutboxSlot slot)
    {
        var record = new byte[slot.Length];
        _journal.Read(slot.Offset, record);
        return OutboxRecord.ReadChange(record);
    }

    [LoggerMessage(EventId = 510, Level = LogLevel.Information, Message = "Outbox opened: {Bytes} bytes of journal, {Pending} change(s) pending, next id {NextId}")]
    private static partial void LogOpened(ILogger logger, long bytes, int pending, long nextId);
}
