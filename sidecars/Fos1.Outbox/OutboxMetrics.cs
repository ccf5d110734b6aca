using System.Diagnostics.Metrics;

namespace Fos1.Outbox;

/// <summary>
/// What operators watch: journal batches (group commit size, fsync time), write failures (disk full),
/// torn tails repaired at start-up, compactions, pending backlog, coalesced changes, expiries.
/// The host creates the meter: <c>new OutboxMetrics(meterFactory.Create(OutboxMetrics.MeterName))</c>.
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "Fos1.Outbox";

    private readonly Counter<long> _records;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _fsync;
    private readonly Counter<long> _writeFailures;
    private readonly Counter<long> _truncations;
    private readonly Counter<long> _compactions;
    private readonly Counter<long> _coalesced;
    private readonly Counter<long> _expired;
    private Func<long> _pending = () => 0;
    private Func<long> _scheduled = () => 0;
    private Func<TimeSpan> _oldestAge = () => TimeSpan.Zero;

    public OutboxMetrics(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _records = meter.CreateCounter<long>("fos1.outbox.journal.records", "{record}", "Records made durable, by journal");
        _batchSize = meter.CreateHistogram<int>("fos1.outbox.journal.batch.size", "{record}", "Records sharing one fsync (group commit), by journal");
        _fsync = meter.CreateHistogram<double>("fos1.outbox.journal.write.duration", "s", "write + fsync of one batch, by journal");
        _writeFailures = meter.CreateCounter<long>("fos1.outbox.journal.write.failures", "{batch}", "Batches that could not be made durable (disk full, I/O error), by journal");
        _truncations = meter.CreateCounter<long>("fos1.outbox.journal.truncations", "{tail}", "Torn or corrupt tails cut off at start-up, by journal");
        _compactions = meter.CreateCounter<long>("fos1.outbox.journal.compactions", "{compaction}", "Journal rewrites keeping only live records, by journal");
        _coalesced = meter.CreateCounter<long>("fos1.outbox.coalesced", "{change}", "Pending changes completed without being sent, by reason (superseded, cancelled)");
        _expired = meter.CreateCounter<long>("fos1.leases.expired", "{lease}", "Lease removals issued by the expiry schedule");
        meter.CreateObservableGauge("fos1.outbox.pending", () => _pending(), "{change}", "Changes persisted and not yet completed");
        meter.CreateObservableGauge("fos1.outbox.oldest.age", () => _oldestAge().TotalSeconds, "s", "Age of the oldest change persisted and not yet completed (0 when none)");
        meter.CreateObservableGauge("fos1.leases.scheduled", () => _scheduled(), "{lease}", "Leases with a scheduled expiry");
    }

    internal void ObservePending(Func<long> pending) => _pending = pending;

    internal void ObserveOldestAge(Func<TimeSpan> oldestAge) => _oldestAge = oldestAge;

    internal void ObserveScheduled(Func<long> scheduled) => _scheduled = scheduled;

    internal void BatchWritten(string journal, int records, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("journal", journal);
        _records.Add(records, tag);
        _batchSize.Record(records, tag);
        _fsync.Record(elapsed.TotalSeconds, tag);
    }

    internal void WriteFailed(string journal) => _writeFailures.Add(1, new KeyValuePair<string, object?>("journal", journal));

    internal void TailTruncated(string journal) => _truncations.Add(1, new KeyValuePair<string, object?>("journal", journal));

    internal void Compacted(string journal) => _compactions.Add(1, new KeyValuePair<string, object?>("journal", journal));

    internal void Coalesced(string reason, int count) => _coalesced.Add(count, new KeyValuePair<string, object?>("reason", reason));

    internal void Expired(int count) => _expired.Add(count);
}
