using System.Diagnostics.Metrics;
using System.Net;
using Fos1.Zones.Journal;
using Fos1.Zones.Policy;
using Fos1.Zones.Records;
using Fos1.Zones.Updates;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Zones.Store.Tests;

/// <summary>A temporary store directory, the sample zone, update builders and the store's metrics.</summary>
internal sealed class StoreFixture : IDisposable
{
    public static readonly DnsName Origin = DnsName.Parse("home.arpa");
    public static readonly DnsName Key = DnsName.Parse("kea-ddns");

    private static readonly UpdatePolicy Policy = new([UpdateGrant.ForKey(Key, Origin, new AnyNameInZone())]);

    private readonly Meter _meter = new(ZoneStoreMetrics.MeterName + ".Tests." + Guid.NewGuid().ToString("N"));
    private readonly MeterListener _listener = new();
    private long _storeWrites;
    private long _publishWrites;

    public StoreFixture()
    {
        Directory.CreateDirectory(Root);
        Metrics = new ZoneStoreMetrics(_meter);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == ZoneStoreMetrics.FileWrites && tags.ToArray().Contains(new("target", "store")))
            {
                Interlocked.Add(ref _storeWrites, value);
            }
            else if (instrument.Name == ZoneStoreMetrics.FileWrites && tags.ToArray().Contains(new("target", "publish")))
            {
                Interlocked.Add(ref _publishWrites, value);
            }
            else if (instrument.Name == "fos1.zones.store.replay.rejected")
            {
                Interlocked.Add(ref RejectedCount, value);
            }
        });
        _listener.Start();
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "fos1-zonestore-" + Guid.NewGuid().ToString("N"));

    public string StoreDirectory => Path.Combine(Root, "store");

    public string PublishDirectory => Path.Combine(Root, "publish");

    public string JournalPath => Path.Combine(StoreDirectory, "home.arpa.journal");

    public string SnapshotPath => Path.Combine(StoreDirectory, "home.arpa.zone");

    public ZoneStoreMetrics Metrics { get; }

    /// <summary>Fsynced snapshots written to the store directory.</summary>
    public long StoreWrites => Interlocked.Read(ref _storeWrites);

    /// <summary>Copies written to the publish directory.</summary>
    public long PublishWrites => Interlocked.Read(ref _publishWrites);

#pragma warning disable CA1051, SA1401 // a counter the listener adds to
    public long RejectedCount;
#pragma warning restore CA1051, SA1401

    public static Zone StaticZone(uint serial = 100) =>
        Zone.Create(Origin,
        [
            new ResourceRecord(Origin, 3600, new SoaData(DnsName.Parse("ns1.home.arpa"), DnsName.Parse("hostmaster.home.arpa"), serial, 3600, 900, 604800, 300).ToRdata()),
            new ResourceRecord(Origin, 3600, Rdata.Ns(DnsName.Parse("ns1.home.arpa"))),
            new ResourceRecord(DnsName.Parse("ns1.home.arpa"), 3600, Rdata.A(IPAddress.Parse("192.0.2.1"))),
        ]);

    public ZoneStore Open(Zone? staticZone = null, bool suspendFileWrites = false,
        Func<ZoneStoreOptions, ZoneStoreOptions>? configure = null, Fos1.Outbox.OutboxMetrics? journalMetrics = null) =>
        ZoneStore.Open(
            (configure ?? (o => o))(new ZoneStoreOptions { Directory = StoreDirectory, PublishDirectory = PublishDirectory, SuspendFileWrites = suspendFileWrites }),
            [ZoneDefinition.FromZone(staticZone ?? StaticZone())],
            NullLogger.Instance,
            Metrics,
            journalMetrics);

    /// <summary>One UPDATE message adding <c>a{i}</c> and <c>b{i}</c> (both must appear together) and a TXT, applied to <paramref name="zone"/>.</summary>
    public static UpdateJournalEntry Update(Zone zone, int i)
    {
        var request = new UpdateRequest(
            [new ZoneSection(Origin, DnsType.Soa, DnsClass.In)],
            [],
            [
                Add($"a{i}.home.arpa", Rdata.A(Address(i))),
                Add($"b{i}.home.arpa", Rdata.A(Address(i))),
                Add($"a{i}.home.arpa", Rdata.Txt($"update \"{i}\"")),
            ]);
        var outcome = UpdateProcessor.Apply(zone, request, Policy, Key);
        return outcome.Change ?? throw new InvalidOperationException(outcome.Reason);
    }

    /// <summary>Commits <paramref name="count"/> updates, each built on the newest accepted version, all in flight at once.</summary>
    public static async Task<Zone> CommitManyAsync(ZoneStore store, int first, int count)
    {
        var commits = new List<Task>(count);
        for (var i = first; i < first + count; i++)
        {
            commits.Add(store.CommitAsync(Update(store.Latest(Origin), i)));
        }

        await Task.WhenAll(commits);
        return store.Current(Origin);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meter.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static IPAddress Address(int i) => new([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]);

    private static RawRecord Add(string name, Rdata data) => new(DnsName.Parse(name), data.Type, DnsClass.In, 300, data.Wire.ToArray());
}
