using System.Diagnostics.Metrics;
using System.Text;
using Fos1.Outbox;
using Fos1.Zones.Text;

namespace Fos1.Zones.Store.Tests;

/// <summary>
/// Publishing off the commit path: the copy in the publish directory is rewritten (without fsync) as commits
/// land, the fsynced snapshot and the compaction wait until the zone falls quiet, and nothing acknowledged
/// depends on either.
/// </summary>
public sealed class ZoneStorePublishingTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    private string PublishedPath => Path.Combine(_fixture.PublishDirectory, "home.arpa.zone");

    [Fact]
    public async Task After_a_burst_both_files_are_exactly_the_zone_the_journal_is_compacted_and_few_snapshots_were_fsynced()
    {
        await using var store = _fixture.Open();
        await store.WhenWrittenAsync();
        var snapshotsBefore = _fixture.StoreWrites;

        var final = await StoreFixture.CommitManyAsync(store, 1, 1000);
        await store.WhenWrittenAsync();

        var expected = ZoneFileWriter.Render(final);
        Assert.Equal(expected, await File.ReadAllTextAsync(PublishedPath, Encoding.UTF8));
        Assert.Equal(expected, await File.ReadAllTextAsync(_fixture.SnapshotPath, Encoding.UTF8));
        Assert.Equal(8, new FileInfo(_fixture.JournalPath).Length); // the header only
        Assert.InRange(_fixture.StoreWrites - snapshotsBefore, 1, 50); // was one fsynced write per few commits
        Assert.InRange(_fixture.PublishWrites, 1, 200);
    }

    [Fact]
    public async Task The_publish_interval_gathers_a_burst_into_few_writes_and_the_last_has_the_final_serial()
    {
        await using var store = _fixture.Open(configure: o => o with { PublishInterval = TimeSpan.FromMilliseconds(300) });
        await store.WhenWrittenAsync();
        var before = _fixture.PublishWrites;

        Zone final = store.Current(StoreFixture.Origin);
        for (var i = 1; i <= 40; i++)
        {
            final = await StoreFixture.CommitManyAsync(store, i, 1); // one after another, each acknowledged
        }

        await store.WhenWrittenAsync();

        // 40 acknowledged commits in (much) less than 40 intervals: the writer waited between writes.
        Assert.InRange(_fixture.PublishWrites - before, 1, 20);
        Assert.Equal(ZoneFileWriter.Render(final), await File.ReadAllTextAsync(PublishedPath, Encoding.UTF8));
    }

    [Fact]
    public async Task A_crash_before_the_quiet_snapshot_loses_nothing_acknowledged_and_the_reopened_zone_is_exact()
    {
        var store = _fixture.Open(configure: o => o with { PublishInterval = TimeSpan.FromHours(1) });
        await store.WhenWrittenAsync(); // the start-up write; the next one would wait an hour
        var acknowledged = await StoreFixture.CommitManyAsync(store, 1, 300);
        await store.AbandonAsync();

        await using var reopened = _fixture.Open();

        Assert.Equal(acknowledged, reopened.Current(StoreFixture.Origin));
        await reopened.WhenWrittenAsync();
        Assert.Equal(ZoneFileWriter.Render(acknowledged), await File.ReadAllTextAsync(PublishedPath, Encoding.UTF8));
    }

    [Fact]
    public async Task Concurrent_commits_share_fsyncs_and_each_completes_only_once_its_batch_is_durable()
    {
        using var meter = new Meter("Fos1.Outbox.Tests." + Guid.NewGuid().ToString("N"));
        using var listener = new MeterListener();
        var batches = 0L;
        var records = 0L;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "fos1.outbox.journal.batch.size")
            {
                Interlocked.Increment(ref batches);
                Interlocked.Add(ref records, value);
            }
        });
        listener.Start();
        await using var store = _fixture.Open(journalMetrics: new OutboxMetrics(meter));

        var commits = new List<Task>();
        for (var i = 1; i <= 200; i++)
        {
            commits.Add(store.CommitAsync(StoreFixture.Update(store.Latest(StoreFixture.Origin), i)));
        }

        // Whenever a commit has completed, its version is durable and visible: the current serial covers it.
        var serials = commits.Select((commit, i) => commit.ContinueWith(_ => (i, store.Current(StoreFixture.Origin).Serial), TaskScheduler.Default));
        foreach (var (i, serial) in await Task.WhenAll(serials))
        {
            Assert.True(serial >= 101 + i, $"commit {i} completed while the durable serial was {serial}");
        }

        await Task.WhenAll(commits);
        Assert.Equal(200, Interlocked.Read(ref records));
        // Shared fsyncs, not how many: the grouping depends on scheduling (a loaded CI machine gave 117 batches for 200
        // commits, a quiet one ~20), while one fsync per commit would be 200.
        Assert.InRange(Interlocked.Read(ref batches), 1, 199);
    }

    public void Dispose() => _fixture.Dispose();
}
