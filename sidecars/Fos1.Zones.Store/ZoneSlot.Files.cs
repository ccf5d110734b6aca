using Fos1.Ddns;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Fos1.Zones.Store;

/// <summary>
/// Zone files, off the commit path: one writer per zone, always of the newest durable version, at most
/// one write per <see cref="ZoneStoreOptions.PublishInterval"/> during a burst, rendered incrementally
/// (<see cref="ZoneFileText"/>). With a separate publish directory the published copy is not fsynced
/// (it is rebuilt at every start) and the fsynced snapshot, after which the journal entries it covers
/// are compacted away, is written once the zone falls quiet (or every
/// <see cref="ZoneStoreOptions.SnapshotAfterEntries"/> entries).
/// </summary>
internal sealed partial class ZoneSlot
{
    private readonly Lock _writerLock = new();
    private readonly ZoneFileText _text = new();
    private readonly TaskCompletionSource _hurry = new(TaskCreationOptions.RunContinuationsAsynchronously); // stop or crash: no more waiting
    private HashSet<DnsName> _touched = []; // owners changed by durable entries not yet rendered; under _lock
    private Task _writer = Task.CompletedTask;
    private Zone? _rendered;
    private Zone? _snapshotted;
    private Zone? _failedSnapshot;
    private bool _dirty;
    private bool _writerRunning;
    private bool _abandoned;
    private bool _suspended;
    private long _dirtySince;
    private long _lastWriteStarted;

    /// <summary>Completes when every write scheduled so far is done, the quiet-time snapshot included.</summary>
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
                _dirtySince = Stopwatch.GetTimestamp();
            }

            _dirty = true;
            if (_writerRunning || _abandoned || _suspended)
            {
                return;
            }

            _writerRunning = true;
            _writer = Task.Run(WriteLoopAsync);
        }
    }

    private async Task WriteLoopAsync()
    {
        while (true)
        {
            // Outside _writerLock: OnBatch takes _lock and then _writerLock (ScheduleWrite).
            var current = Current;
            var snapshotDue = !ReferenceEquals(current, _failedSnapshot) && (!ReferenceEquals(current, _snapshotted) || NeedsRepair());
            bool publish;
            lock (_writerLock)
            {
                if (_abandoned || (!_dirty && !snapshotDue))
                {
                    _writerRunning = false;
                    return;
                }

                publish = _dirty;
            }

            if (!publish)
            {
                // Quiet: the fsynced snapshot and the compaction; then look again.
                WriteSnapshot();
                continue;
            }

            var wait = _publishInterval - Stopwatch.GetElapsedTime(_lastWriteStarted);
            if (_lastWriteStarted != 0 && wait > TimeSpan.Zero)
            {
                // A burst: let more commits gather into the next write (stop and crash cut the wait short).
                await Task.WhenAny(Task.Delay(wait), _hurry.Task).ConfigureAwait(false);
            }

            long since;
            lock (_writerLock)
            {
                if (_abandoned)
                {
                    _writerRunning = false;
                    return;
                }

                _dirty = false;
                since = _dirtySince;
            }

            _lastWriteStarted = Stopwatch.GetTimestamp();
            WritePublished(since);
        }
    }

    /// <param name="since">When the oldest change this write carries was made durable (publish latency).</param>
    private void WritePublished(long since)
    {
        Render();
        if (_publishPath is null)
        {
            // The snapshot is the published file: every write is the fsynced one.
            WriteSnapshot();
            _metrics?.FilePublished(Origin, Stopwatch.GetElapsedTime(since));
            return;
        }

        try
        {
            AtomicFile.Write(_publishPath, _text.WriteTo, durable: false);
            _metrics?.FileWritten(Origin, "publish");
            _metrics?.FilePublished(Origin, Stopwatch.GetElapsedTime(since));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ZoneStoreLog.FileWriteFailed(_logger, e, Origin, _publishPath);
            _metrics?.FileWriteFailed(Origin);
        }

        if (LiveEntries() >= _snapshotAfterEntries)
        {
            WriteSnapshot();
        }
    }

    /// <summary>The fsynced snapshot of the newest durable version, then the compaction it allows.</summary>
    private void WriteSnapshot()
    {
        var zone = Render();
        try
        {
            if (!ReferenceEquals(zone, _snapshotted))
            {
                AtomicFile.Write(_snapshotPath, _text.WriteTo, durable: true);
                _metrics?.FileWritten(Origin, "store");
                _snapshotted = zone;
            }

            Compact(zone.Serial);
            _failedSnapshot = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not retried for this version (a full disk would spin the writer): the next commit tries again.
            _failedSnapshot = zone;
            ZoneStoreLog.FileWriteFailed(_logger, e, Origin, _snapshotPath);
            _metrics?.FileWriteFailed(Origin);
        }
    }

    /// <summary>Brings the text to the newest durable version (re-rendering only the owners changed since the last one).</summary>
    private Zone Render()
    {
        Zone zone;
        HashSet<DnsName> touched;
        lock (_lock)
        {
            zone = _current;
            touched = _touched;
            _touched = [];
        }

        if (!ReferenceEquals(zone, _rendered))
        {
            _text.Update(zone, _rendered is null ? null : touched);
            _rendered = zone;
        }

        return zone;
    }

    private int LiveEntries()
    {
        lock (_lock)
        {
            return _live.Count;
        }
    }

    private bool NeedsRepair()
    {
        lock (_lock)
        {
            return _repair;
        }
    }
}
