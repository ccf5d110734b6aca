using Fos1.Outbox.Journaling;
using Microsoft.Extensions.Logging;

namespace Fos1.Outbox.Changes;

/// <summary>How the outbox rebuilds itself from, reacts to, and compacts its journal.</summary>
public sealed partial class UpdateOutbox
{
    /// <summary>
    /// Start-up: every appended change without a later completion is pending, in file (= id) order.
    /// Coalescing is not re-run here; it only saves UPDATEs, and replayed changes are all unsent.
    /// </summary>
    private void Replay(long offset, ReadOnlySpan<byte> record)
    {
        try
        {
            switch (record.Length == 0 ? (byte)0 : record[0])
            {
                case OutboxRecord.Appended:
                    var id = OutboxRecord.ReadId(record);
                    var slot = new OutboxSlot(id, OutboxSlot.HashOf(OutboxRecord.ReadChange(record)), null, _time.GetUtcNow()) { Offset = offset, Length = record.Length };
                    _live[id] = slot;
                    _unsent.Enqueue(slot);
                    _latestUnsentByKey[slot.KeyHash] = slot;
                    _appendedInFile++;
                    _nextId = Math.Max(_nextId, id + 1);
                    break;
                case OutboxRecord.Completed:
                    foreach (var done in OutboxRecord.ReadCompletedIds(record))
                    {
                        if (_live.Remove(done, out var completed))
                        {
                            Forget(completed);
                        }
                    }

                    break;
                case OutboxRecord.NextId:
                    _nextId = Math.Max(_nextId, OutboxRecord.ReadId(record));
                    break;
                default:
                    throw new InvalidDataException($"unknown outbox record type {(record.Length == 0 ? -1 : record[0])}");
            }
        }
        catch (InvalidDataException e)
        {
            // The CRC matched, so this is a record we cannot read (a newer format?), not a torn write: skip it.
            LogUnreadableRecord(_logger, e, offset);
        }
    }

    /// <summary>Writer thread, in append order: durable changes become ready (and coalesce), failed ones vanish.</summary>
    private void OnBatch(IReadOnlyList<JournalWrite> writes, Exception? error)
    {
        lock (_gate)
        {
            var coalesced = new List<long>();
            foreach (var write in writes)
            {
                if (write.Tag is not OutboxSlot slot)
                {
                    continue;
                }

                if (error is not null)
                {
                    _live.Remove(slot.Id);
                    Forget(slot);
                    continue;
                }

                slot.Offset = write.Offset;
                slot.Length = write.Length;
                _appendedInFile++;
                slot.State = SlotState.Ready;
                Coalesce(slot, coalesced);
                slot.Change = null;
            }

            if (coalesced.Count > 0)
            {
                // Losing this marker in a crash only means sending a superseded change once more.
                _ = AppendCompletion(coalesced).ContinueWith(
                    t => LogCompletionNotWritten(_logger, t.Exception!.InnerException!), CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }

            if (error is null && _readySignal is { } ready)
            {
                _readySignal = null;
                ready.TrySetResult();
            }
        }
    }

    private void Coalesce(OutboxSlot slot, List<long> coalesced)
    {
        var change = slot.Change!;
        if (_latestUnsentByKey.TryGetValue(slot.KeyHash, out var earlier) && earlier.State == SlotState.Ready && earlier != slot)
        {
            switch (ChangeCoalescer.Decide(ReadChange(earlier), change, _options.AddThenRemove))
            {
                case CoalesceDecision.SupersedeEarlier:
                    Drop(earlier, coalesced);
                    _metrics?.Coalesced("superseded", 1);
                    break;
                case CoalesceDecision.CancelBoth:
                    Drop(earlier, coalesced);
                    Drop(slot, coalesced);
                    _metrics?.Coalesced("cancelled", 2);
                    return;
            }
        }

        _latestUnsentByKey[slot.KeyHash] = slot;
    }

    private void Drop(OutboxSlot slot, List<long> coalesced)
    {
        _live.Remove(slot.Id);
        Forget(slot);
        coalesced.Add(slot.Id);
    }

    /// <summary>Past the size threshold with at most half of the appended changes still live: keep only those.</summary>
    private void CompactIfWorthIt()
    {
        if (_journal.Length < _options.CompactionThresholdBytes)
        {
            return;
        }

        lock (_gate)
        {
            if (_live.Count * 2 > _appendedInFile)
            {
                return;
            }
        }

        if (Interlocked.Exchange(ref _compacting, 1) == 1)
        {
            return;
        }

        try
        {
            _journal.Compact(CopyLive);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The old journal is intact; we try again after the next completion.
            LogCompactionFailed(_logger, e);
        }
        finally
        {
            Volatile.Write(ref _compacting, 0);
        }
    }

    private void CopyLive(JournalRewriter rewriter)
    {
        lock (_gate)
        {
            // Slots still Writing are not in the old file yet; they land in the new one after this.
            var keep = _live.Values.Where(s => s.State != SlotState.Writing).OrderBy(s => s.Id).ToList();
            _encoder.ResetWrittenCount();
            OutboxRecord.WriteNextId(_encoder, _nextId);
            rewriter.Append(_encoder.WrittenSpan);
            var moved = new long[keep.Count];
            var buffer = new byte[512];
            for (var i = 0; i < keep.Count; i++)
            {
                var slot = keep[i];
                if (buffer.Length < slot.Length)
                {
                    buffer = new byte[slot.Length];
                }

                _journal.Read(slot.Offset, buffer.AsSpan(0, slot.Length));
                moved[i] = rewriter.Append(buffer.AsSpan(0, slot.Length));
            }

            rewriter.Commit();
            for (var i = 0; i < keep.Count; i++)
            {
                keep[i].Offset = moved[i];
            }

            _appendedInFile = keep.Count;
        }
    }

    [LoggerMessage(EventId = 511, Level = LogLevel.Warning, Message = "Outbox journal record at offset {Offset} is unreadable and was skipped")]
    private static partial void LogUnreadableRecord(ILogger logger, Exception exception, long offset);

    [LoggerMessage(EventId = 512, Level = LogLevel.Warning, Message = "Completion marker for coalesced changes not written; they will be sent after a restart")]
    private static partial void LogCompletionNotWritten(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 513, Level = LogLevel.Error, Message = "Outbox compaction failed; the journal is unchanged")]
    private static partial void LogCompactionFailed(ILogger logger, Exception exception);
}
