using System.Diagnostics.Metrics;
using Fos1.Ddns;

namespace Fos1.Zones.Store;

/// <summary>
/// What operators watch: durable commits and refused ones (disk trouble), zone file writes (coalesced,
/// so far fewer than commits) and their failures, journal entries replayed and rejected at start-up.
/// The host creates the meter: <c>new ZoneStoreMetrics(meterFactory.Create(ZoneStoreMetrics.MeterName))</c>.
/// </summary>
public sealed class ZoneStoreMetrics
{
    public const string MeterName = "Fos1.Zones.Store";

    public const string FileWrites = "fos1.zones.store.file.writes";

    private readonly Counter<long> _commits;
    private readonly Counter<long> _commitFailures;
    private readonly Counter<long> _fileWrites;
    private readonly Counter<long> _fileWriteFailures;
    private readonly Counter<long> _replayed;
    private readonly Counter<long> _rejected;
    private readonly PublishMetrics? _publish;
    private Func<IEnumerable<Measurement<long>>> _records = () => [];

    /// <param name="publish">Where zone-file publishing is timed (<see cref="PublishOutput.File"/>); null: not timed.</param>
    public ZoneStoreMetrics(Meter meter, PublishMetrics? publish = null)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _publish = publish;
        meter.CreateObservableGauge("fos1.zones.records", () => _records(), "{record}", "Records in each zone's newest durable version, by zone");
        _commits = meter.CreateCounter<long>("fos1.zones.store.commits", "{update}", "Updates made durable and visible, by zone");
        _commitFailures = meter.CreateCounter<long>("fos1.zones.store.commit.failures", "{update}", "Updates that could not be made durable (not acknowledged), by zone");
        _fileWrites = meter.CreateCounter<long>(FileWrites, "{file}", "Zone files written atomically, by zone and target (store, publish)");
        _fileWriteFailures = meter.CreateCounter<long>("fos1.zones.store.file.write.failures", "{file}", "Zone file writes that failed, by zone");
        _replayed = meter.CreateCounter<long>("fos1.zones.store.replay.entries", "{entry}", "Journal entries replayed at start-up, by zone");
        _rejected = meter.CreateCounter<long>("fos1.zones.store.replay.rejected", "{entry}", "Journal entries that did not apply at start-up (replay stopped there), by zone");
    }

    internal void ObserveRecords(Func<IEnumerable<Measurement<long>>> records) => _records = records;

    internal void FilePublished(DnsName zone, TimeSpan elapsed) => _publish?.Published(PublishOutput.File, zone, elapsed);

    internal void Committed(DnsName zone, int count) => _commits.Add(count, Tag(zone));

    internal void CommitFailed(DnsName zone, int count) => _commitFailures.Add(count, Tag(zone));

    internal void FileWritten(DnsName zone, string target) =>
        _fileWrites.Add(1, Tag(zone), new KeyValuePair<string, object?>("target", target));

    internal void FileWriteFailed(DnsName zone) => _fileWriteFailures.Add(1, Tag(zone));

    internal void Replayed(DnsName zone, int count) => _replayed.Add(count, Tag(zone));

    internal void Rejected(DnsName zone, int count) => _rejected.Add(count, Tag(zone));

    private static KeyValuePair<string, object?> Tag(DnsName zone) => new("zone", zone.ToString());
}
