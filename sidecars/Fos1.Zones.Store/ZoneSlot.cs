using Fos1.Ddns;
using Fos1.Outbox.Journaling;
using Fos1.Zones.Journal;
using Microsoft.Extensions.Logging;
using OutboxJournal = Fos1.Outbox.Journaling.Journal;

namespace Fos1.Zones.Store;

/// <summary>
/// One zone's durable state. Commits are pipelined: each one is applied to the newest accepted version
/// (<see cref="Latest"/>) and appended to the journal at once, so a burst shares fsyncs (group commit).
/// A version becomes <see cref="Current"/> (visible) only in the journal's batch callback, after its
/// fsync, and only then does its commit task complete: no update is acknowledged before it is durable.
/// </summary>
internal sealed partial class ZoneSlot
{
    // Lock order: the journal's write lock (batch callback, compaction) -> _lock -> the journal's buffer lock (append).
    private readonly Lock _lock = new();
    private readonly List<LiveEntry> _live = []; // durable entries after the last durable snapshot, in chain order
    private readonly string _fileName;
    private readonly string _snapshotPath;
    private readonly string? _publishPath;
    private readonly ILogger _logger;
    private readonly ZoneStoreMetrics? _metrics;
    private readonly Action<ZoneChange> _changed;
    private readonly TimeSpan _publishInterval;
    private readonly int _snapshotAfterEntries;
    private OutboxJournal _journal = null!;
    private Zone _current;
    private Zone _tip;
    private Task _lastCommit = Task.CompletedTask;
    private bool _repair;
    private bool _stopped;

    private ZoneSlot(DnsName origin, string fileName, Zone loaded, ZoneStoreOptions options, ILogger logger, ZoneStoreMetrics? metrics,
        Action<ZoneChange> changed)
    {
        Origin = origin;
        _fileName = fileName;
        _snapshotPath = Path.Combine(options.Directory, fileName + ".zone");
        _publishPath = options.PublishDirectory is { } publish
            && Path.GetFullPath(publish).TrimEnd('/') != Path.GetFullPath(options.Directory).TrimEnd('/')
            ? Path.Combine(publish, fileName + ".zone")
            : null;
        _logger = logger;
        _metrics = metrics;
        _changed = changed;
        _current = loaded;
        _tip = loaded;
        _suspended = options.SuspendFileWrites;
        _publishInterval = options.PublishInterval;
        _snapshotAfterEntries = options.SnapshotAfterEntries;
    }

    public DnsName Origin { get; }

    /// <summary>The newest durable version; lock-free for readers.</summary>
    public Zone Current => Volatile.Read(ref _current);

    /// <summary>The newest accepted version, durable or not: what the zone's single writer builds on.</summary>
    public Zone Latest
    {
        get
        {
            lock (_lock)
            {
                return _tip;
            }
        }
    }

    public Task CommitAsync(UpdateJournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var payload = JournalEntryCodec.Encode(entry);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);

            // Throws InvalidOperationException when the entry was not built on the newest accepted version.
            var ticket = new Ticket(entry, _tip, _tip.Apply(entry), payload);
            var appended = _journal.AppendAsync(payload, ticket);

            // The ticket reports the outcome; observe the journal's own task so its failure is not "unobserved".
            appended.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            _tip = ticket.Result;
            _lastCommit = ticket.Done.Task;
            return ticket.Done.Task;
        }
    }

    private void Touch(UpdateJournalEntry entry)
    {
        foreach (var record in entry.Removed)
        {
            _touched.Add(record.Owner);
        }

        foreach (var record in entry.Added)
        {
            _touched.Add(record.Owner);
        }
    }

    /// <summary>The journal's batch callback (writer thread, append order, after the fsync or its failure).</summary>
    private void OnBatch(IReadOnlyList<JournalWrite> writes, Exception? error)
    {
        var done = new List<(Ticket Ticket, Exception? Error)>(writes.Count);
        Zone? published = null;
        var failed = 0;
        lock (_lock)
        {
            foreach (var write in writes)
            {
                var ticket = (Ticket)write.Tag!;
                if (error is null && ReferenceEquals(ticket.Basis, _current))
                {
                    Volatile.Write(ref _current, ticket.Result);
                    _live.Add(new LiveEntry(ticket.Entry.ToSerial, ticket.Payload));
                    Touch(ticket.Entry);
                    published = ticket.Result;
                    done.Add((ticket, null));
                    continue;
                }

                // Either this batch failed, or the entry was built on one that failed: an orphan on disk
                // that the next compaction removes (_repair). Later commits build on the durable version.
                failed++;
                if (error is null)
                {
                    _repair = true;
                }
                else
                {
                    _tip = _current;
                }

                done.Add((ticket, error ?? new JournalWriteException(
                    $"An earlier update of zone {Origin} could not be made durable, and this one was built on it; it is not applied.")));
            }
        }

        if (failed > 0)
        {
            ZoneStoreLog.CommitFailed(_logger, Origin, failed);
            _metrics?.CommitFailed(Origin, failed);
        }

        // Publish and schedule the file before acknowledging, so a caller that stops after its last
        // acknowledgement still gets the final snapshot written.
        if (published is not null)
        {
            _metrics?.Committed(Origin, done.Count - failed);
            _changed(new ZoneChange(Origin, published.Serial));
        }

        if (published is not null || (failed > 0 && error is null))
        {
            ScheduleWrite(); // the snapshot, and the compaction that removes orphans
        }

        foreach (var (ticket, failure) in done)
        {
            if (failure is null)
            {
                ticket.Done.SetResult();
            }
            else
            {
                ticket.Done.SetException(failure);
            }
        }
    }
}
