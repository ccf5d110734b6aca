using Microsoft.Extensions.Logging;

namespace Fos1.Zones.Store;

/// <summary>Journal compaction after a durable snapshot, start-up repair, orderly stop and the crash test hook.</summary>
internal sealed partial class ZoneSlot
{
    /// <summary>
    /// Rewrites the journal without the entries up to <paramref name="durableSerial"/>, the serial of a durable
    /// snapshot (null: none newly covered), and without orphans or entries that did not replay.
    /// </summary>
    private void Compact(uint? durableSerial)
    {
        lock (_lock)
        {
            if (!_repair && !_live.Exists(e => e.ToSerial == durableSerial))
            {
                return;
            }
        }

        _journal.Compact(rewriter =>
        {
            // The journal holds its write lock: no batch callback runs, so _live is exactly what is on disk.
            List<LiveEntry> keep;
            lock (_lock)
            {
                var covered = _live.FindLastIndex(e => e.ToSerial == durableSerial);
                _live.RemoveRange(0, covered + 1);
                keep = [.. _live];
                _repair = false;
            }

            foreach (var entry in keep)
            {
                rewriter.Append(entry.Payload);
            }

            try
            {
                rewriter.Commit();
            }
            catch
            {
                lock (_lock)
                {
                    _repair = true;
                }

                throw;
            }
        });
    }

    /// <summary>At start-up, after a replay that stopped: drop the entries that did not apply before any new one is appended.</summary>
    public void RepairNow()
    {
        bool repair;
        lock (_lock)
        {
            repair = _repair;
        }

        if (repair)
        {
            try
            {
                Compact(null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still marked for repair: retried with the next snapshot. Until then the replay skips the
                // rejected entries again (see Replay), so serving and committing can go on.
                ZoneStoreLog.FileWriteFailed(_logger, e, Origin, _snapshotPath + " (journal compaction)");
            }
        }
    }

    /// <summary>Stops accepting commits, lets the pending ones finish, writes the final snapshot, closes the journal.</summary>
    public async Task StopAsync()
    {
        Task last;
        lock (_lock)
        {
            _stopped = true;
            last = _lastCommit;
        }

        await last.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        _hurry.TrySetResult();
        await WhenWritten().ConfigureAwait(false);
        _journal.Dispose();
    }

    /// <summary>A crash, as far as the disk can tell: no final snapshot, no compaction; only the fsynced journal stays.</summary>
    public async Task AbandonAsync()
    {
        lock (_lock)
        {
            _stopped = true;
        }

        lock (_writerLock)
        {
            _abandoned = true;
        }

        _hurry.TrySetResult();
        await WhenWritten().ConfigureAwait(false);
        _journal.Dispose();
    }
}
