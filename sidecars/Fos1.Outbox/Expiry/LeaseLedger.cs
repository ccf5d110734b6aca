using System.Buffers;
using Fos1.Ddns.Leases;
using Fos1.Outbox.Journaling;
using Microsoft.Extensions.Logging;

namespace Fos1.Outbox.Expiry;

/// <summary>
/// The durable side of the <see cref="ExpirySchedule"/>: every active lease's expiry and the remove to
/// issue then, in <c>leases.journal</c> (same framing, group commit and compaction as the outbox).
/// Changes reach <see cref="Schedule"/> only once durable, in journal order. The schedule holds every
/// active lease in memory (~400 bytes each: the removal change plus index entries).
/// </summary>
public sealed partial class LeaseLedger : IDisposable
{
    public const string JournalFileName = "leases.journal";

    private readonly OutboxOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _encoder = new(512);
    private Journal _journal = null!;
    private long _recordsInFile;
    private int _compacting;

    private LeaseLedger(OutboxOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _logger = logger;
        Schedule = new ExpirySchedule(time);
    }

    public ExpirySchedule Schedule { get; }

    public long JournalLength => _journal.Length;

    public static LeaseLedger Open(OutboxOptions options, TimeProvider time, ILogger<LeaseLedger> logger, OutboxMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var ledger = new LeaseLedger(options, time, logger);
        ledger._journal = Journal.Open(Path.Combine(options.Directory, JournalFileName), "leases", ledger.Replay, logger, metrics, OnBatch);
        metrics?.ObserveScheduled(() => ledger.Schedule.Count);
        LogOpened(logger, ledger.Schedule.Count, ledger.Schedule.NextDue);
        return ledger;
    }

    /// <summary>Records (or, on renewal, moves) a lease's expiry; completes when durable and scheduled.</summary>
    public Task RecordAsync(NameChange removal, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(removal);
        if (removal.Kind != NameChangeKind.Remove)
        {
            throw new ArgumentException($"the change recorded for expiry must be a remove, not {removal.Kind}", nameof(removal));
        }

        return Append(
            w => LeaseRecord.WriteScheduled(w, removal, expiresAt),
            () => Schedule.Schedule(removal, expiresAt));
    }

    /// <summary>The lease ended through a source (release, Kea's own expiry): forget it durably.</summary>
    public Task ForgetAsync(LeaseKey key) =>
        Append(w => LeaseRecord.WriteForgotten(w, key, null), () => Schedule.Cancel(key));

    /// <summary>
    /// Call after the <see cref="ExpiryTimer"/> handed <paramref name="removal"/> on (and it is durable in the
    /// outbox): forgets the lease unless it was renewed meanwhile.
    /// </summary>
    public Task ExpiredAsync(ScheduledRemoval removal)
    {
        ArgumentNullException.ThrowIfNull(removal);
        return Append(
            w => LeaseRecord.WriteForgotten(w, removal.Key, removal.ExpiresAt),
            () => Schedule.Cancel(removal));
    }

    public void Dispose() => _journal.Dispose();

    private async Task Append(Action<IBufferWriter<byte>> encode, Action apply)
    {
        Task durable;
        lock (_gate)
        {
            _encoder.ResetWrittenCount();
            encode(_encoder);
            durable = _journal.AppendAsync(_encoder.WrittenSpan, apply);
        }

        await durable.ConfigureAwait(false);
        Interlocked.Increment(ref _recordsInFile);
        CompactIfWorthIt();
    }

    /// <summary>Writer thread, in journal order: apply what became durable to the schedule.</summary>
    private static void OnBatch(IReadOnlyList<JournalWrite> writes, Exception? error)
    {
        if (error is not null)
        {
            return;
        }

        foreach (var write in writes)
        {
            (write.Tag as Action)?.Invoke();
        }
    }

    private void Replay(long offset, ReadOnlySpan<byte> record)
    {
        _recordsInFile++;
        try
        {
            switch (record.Length == 0 ? (byte)0 : record[0])
            {
                case LeaseRecord.Scheduled:
                    var (removal, expiresAt) = LeaseRecord.ReadScheduled(record);
                    Schedule.Schedule(removal, expiresAt);
                    break;
                case LeaseRecord.Forgotten:
                    var (key, onlyIfExpiresAt) = LeaseRecord.ReadForgotten(record);
                    _ = onlyIfExpiresAt is { } expiry ? Schedule.Cancel(key, expiry) : Schedule.Cancel(key);
                    break;
                default:
                    throw new InvalidDataException($"unknown lease record type {(record.Length == 0 ? -1 : record[0])}");
            }
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IndexOutOfRangeException)
        {
            LogUnreadableRecord(_logger, e, offset);
        }
    }

    private void CompactIfWorthIt()
    {
        if (_journal.Length < _options.CompactionThresholdBytes || Schedule.Count * 2 > Interlocked.Read(ref _recordsInFile)
            || Interlocked.Exchange(ref _compacting, 1) == 1)
        {
            return;
        }

        try
        {
            _journal.Compact(rewriter =>
            {
                // Holding the writer lock: the schedule reflects exactly what is in the old file.
                var live = Schedule.Snapshot();
                var buffer = new ArrayBufferWriter<byte>(512);
                foreach (var scheduled in live)
                {
                    buffer.ResetWrittenCount();
                    LeaseRecord.WriteScheduled(buffer, scheduled.Removal, scheduled.ExpiresAt);
                    rewriter.Append(buffer.WrittenSpan);
                }

                rewriter.Commit();
                Interlocked.Exchange(ref _recordsInFile, live.Count);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogCompactionFailed(_logger, e);
        }
        finally
        {
            Volatile.Write(ref _compacting, 0);
        }
    }

    [LoggerMessage(EventId = 530, Level = LogLevel.Information, Message = "Lease ledger opened: {Leases} lease(s) scheduled, next expiry {NextDue:O}")]
    private static partial void LogOpened(ILogger logger, int leases, DateTimeOffset? nextDue);

    [LoggerMessage(EventId = 531, Level = LogLevel.Warning, Message = "Lease ledger record at offset {Offset} is unreadable and was skipped")]
    private static partial void LogUnreadableRecord(ILogger logger, Exception exception, long offset);

    [LoggerMessage(EventId = 532, Level = LogLevel.Error, Message = "Lease ledger compaction failed; the journal is unchanged")]
    private static partial void LogCompactionFailed(ILogger logger, Exception exception);
}
