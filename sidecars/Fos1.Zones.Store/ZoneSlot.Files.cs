using Fos1.Zones.Text;
using Microsoft.Extensions.Logging;

namespace Fos1.Zones.Store;

/// <summary>
/// Zone files: at most one write in flight per zone, always of the newest durable version, so a burst
/// of commits collapses into a few writes and the last one has the final serial. Once a snapshot is
/// durable, the journal entries it covers are compacted away.
/// </summary>
internal sealed partial class ZoneSlot
{
    private readonly Lock _writerLock = new();
    private Task _writer = Task.CompletedTask;
    private Zone? _written;
    private bool _dirty;
    private bool _writerRunning;
    private bool _abandoned;
    private bool _suspended;
    private long _dirtySince;

    /// <summary>Completes when every write scheduled so far is done.</summary>
    public Task WhenWritten()
    {
        lock (_writerLock)
        {
            return _writer;
        }
    }

    public void ScheduleWrite()
    {
        lock (_writerLock)
        {
            if (!_dirty)
            {
                _dirtySince = System.Diagnostics.Stopwatch.GetTimestamp();
            }

            _dirty = true;
            if (_writerRunning || _abandoned || _suspended)
            {
                return;
            }

            _writerRunning = true;
            _writer = Task.Run(WriteLoop);
        }
    }

    private void WriteLoop()
    {
        while (true)
        {
            long since;
            lock (_writerLock)
            {
                if (!_dirty || _abandoned)
                {
                    _writerRunning = false;
                    return;
                }

                _dirty = false;
                since = _dirtySince;
            }

            WriteSnapshot(since);
        }
    }

    /// <param name="since">When the oldest change this write carries was made durable (publish latency).</param>
    private void WriteSnapshot(long since)
    {
        var zone = Current;
        var path = _snapshotPath;
        try
        {
            if (!ReferenceEquals(zone, _written))
            {
                var text = ZoneFileWriter.Render(zone);
                AtomicFile.Write(path, text);
                _metrics?.FileWritten(Origin, "store");
                if (_publishPath is not null)
                {
                    path = _publishPath;
                    AtomicFile.Write(path, text);
                    _metrics?.FileWritten(Origin, "publish");
                    _metrics?.FilePublished(Origin, System.Diagnostics.Stopwatch.GetElapsedTime(since));
                }

                _written = zone;
            }

            Compact(zone.Serial);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ZoneStoreLog.FileWriteFailed(_logger, e, Origin, path);
            _metrics?.FileWriteFailed(Origin);
        }
    }

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

        await WhenWritten().ConfigureAwait(false);
        _journal.Dispose();
    }
}
