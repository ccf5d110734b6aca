using System.Diagnostics.Metrics;
using Fos1.Testbed.Metrics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Zones.Store.Tests;

/// <summary>Records per zone (a gauge over the store) and the zone-file publish latency.</summary>
public sealed class ZoneStoreMetricsTests : IDisposable
{
    private readonly StoreFixture _fixture = new();
    private readonly TestMeterFactory _meters = new();
    private readonly MeasurementLog _log;
    private readonly ZoneStoreMetrics _metrics;

    public ZoneStoreMetricsTests()
    {
        _log = new MeasurementLog(_meters);
        _metrics = new ZoneStoreMetrics(_meters.Create(ZoneStoreMetrics.MeterName), new PublishMetrics(_meters));
    }

    public void Dispose()
    {
        _log.Dispose();
        _meters.Dispose();
        _fixture.Dispose();
    }

    private ZoneStore Open() => ZoneStore.Open(
        new ZoneStoreOptions { Directory = _fixture.StoreDirectory, PublishDirectory = _fixture.PublishDirectory },
        [ZoneDefinition.FromZone(StoreFixture.StaticZone())],
        NullLogger.Instance,
        _metrics);

    [Fact]
    public async Task Records_per_zone_follow_the_newest_durable_version()
    {
        await using var store = Open();
        var before = Assert.Single(_log.Observe("fos1.zones.records"));

        await store.CommitAsync(StoreFixture.Update(store.Latest(StoreFixture.Origin), 1));

        var after = Assert.Single(_log.Observe("fos1.zones.records"));
        Assert.Equal(3, before.Value); // SOA, NS, ns1's A
        Assert.Equal(6, after.Value); // + a1 A, a1 TXT, b1 A
        Assert.Equal(new Dictionary<string, string> { ["zone"] = "home.arpa." }, after.Tags);
    }

    [Fact]
    public async Task A_zone_file_written_to_the_publish_directory_records_its_publish_latency_by_output_and_zone()
    {
        await using var store = Open();
        await store.WhenWrittenAsync();
        var atStart = _log.Of(PublishMetrics.Duration).Count;

        await store.CommitAsync(StoreFixture.Update(store.Latest(StoreFixture.Origin), 1));
        await store.WhenWrittenAsync();

        var published = _log.Of(PublishMetrics.Duration).Skip(atStart).ToList();
        Assert.Equal(1, atStart); // the start-up write of every zone
        var one = Assert.Single(published);
        Assert.Equal(new Dictionary<string, string> { ["output"] = "file", ["zone"] = "home.arpa." }, one.Tags);
        Assert.InRange(one.Value, 0, 60);
    }
}
