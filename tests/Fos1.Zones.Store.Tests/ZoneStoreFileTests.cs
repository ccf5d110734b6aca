using Fos1.Zones.Text;

namespace Fos1.Zones.Store.Tests;

public sealed class ZoneStoreFileTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    [Fact]
    public async Task The_zone_file_written_after_commits_passes_named_checkzone_and_parses_back_to_the_same_zone()
    {
        await using var store = _fixture.Open();
        var committed = await StoreFixture.CommitManyAsync(store, 1, 25);
        await store.WhenWrittenAsync();

        foreach (var path in new[] { _fixture.SnapshotPath, Path.Combine(_fixture.PublishDirectory, "home.arpa.zone") })
        {
            await NamedCheckzone.AssertAcceptsAsync(path, StoreFixture.Origin);
            Assert.Equal(committed, ZoneFileReader.Parse(await File.ReadAllTextAsync(path), StoreFixture.Origin));
        }

        Assert.Empty(Directory.GetFiles(_fixture.StoreDirectory, ".*"));
        Assert.Empty(Directory.GetFiles(_fixture.PublishDirectory, ".*"));
    }

    [Fact]
    public async Task A_burst_of_1000_commits_is_written_a_handful_of_times_and_the_file_ends_at_the_final_serial()
    {
        await using var store = _fixture.Open();
        await store.WhenWrittenAsync();
        var before = _fixture.StoreWrites;

        var final = await StoreFixture.CommitManyAsync(store, 1, 1000);
        await store.WhenWrittenAsync();

        Assert.Equal(1100u, final.Serial);
        var written = ZoneFileReader.Parse(await File.ReadAllTextAsync(_fixture.SnapshotPath), StoreFixture.Origin);
        Assert.Equal(final, written);
        var writes = _fixture.StoreWrites - before;
        Assert.InRange(writes, 1, 100);
    }

    [Fact]
    public async Task Readers_see_only_complete_versions_while_updates_are_committed()
    {
        await using var store = _fixture.Open();
        var baseline = store.Current(StoreFixture.Origin);
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var reads = 0;
            var lastSerial = baseline.Serial;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                var zone = store.Current(StoreFixture.Origin);
                var updates = (int)(zone.Serial - baseline.Serial);

                // Every update adds a{i} A + TXT and b{i} A in one message and moves the serial by one.
                Assert.True(zone.Serial >= lastSerial, $"serial went back from {lastSerial} to {zone.Serial}");
                Assert.Equal(baseline.RecordCount + (3 * updates), zone.RecordCount);
                for (var i = 1; i <= updates; i++)
                {
                    Assert.NotNull(zone.Find(DnsName.Parse($"b{i}.home.arpa"), Records.DnsType.A));
                }

                lastSerial = zone.Serial;
                reads++;
            }

            return reads;
        })).ToArray();

        for (var round = 0; round < 10; round++)
        {
            await StoreFixture.CommitManyAsync(store, 1 + (round * 20), 20);
        }

        await stop.CancelAsync();
        var counts = await Task.WhenAll(readers);
        Assert.All(counts, reads => Assert.True(reads > 0));
        Assert.Equal(baseline.Serial + 200, store.Current(StoreFixture.Origin).Serial);
    }

    [Fact]
    public async Task Watchers_hear_about_each_durable_version_up_to_the_final_serial()
    {
        await using var store = _fixture.Open();
        var changes = store.WatchAsync();
        var final = await StoreFixture.CommitManyAsync(store, 1, 30);

        await foreach (var change in changes)
        {
            Assert.Equal(StoreFixture.Origin, change.Zone);
            if (change.Serial == final.Serial)
            {
                break;
            }
        }
    }

    public void Dispose() => _fixture.Dispose();
}
