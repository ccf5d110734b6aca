namespace Fos1.Zones.Store.Tests;

public sealed class ZoneStoreDurabilityTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    [Fact]
    public async Task A_new_store_serves_the_static_definition()
    {
        await using var store = _fixture.Open();

        Assert.Equal([StoreFixture.Origin], store.Zones);
        Assert.Equal(StoreFixture.StaticZone(), store.Current(StoreFixture.Origin));
    }

    [Fact]
    public async Task Committed_updates_are_the_same_zone_after_a_reopen()
    {
        Zone committed;
        await using (var store = _fixture.Open())
        {
            committed = await StoreFixture.CommitManyAsync(store, 1, 20);
            Assert.Equal(120u, committed.Serial);
        }

        await using var reopened = _fixture.Open();
        Assert.Equal(committed, reopened.Current(StoreFixture.Origin));
    }

    [Fact]
    public async Task After_compaction_the_snapshot_alone_restores_the_zone_and_later_commits_replay_on_top()
    {
        Zone committed;
        await using (var store = _fixture.Open())
        {
            await StoreFixture.CommitManyAsync(store, 1, 10);
            await store.WhenWrittenAsync();
            Assert.Equal(8, new FileInfo(_fixture.JournalPath).Length); // the file header only: every entry compacted away
            committed = await StoreFixture.CommitManyAsync(store, 11, 5);
        }

        await using (var reopened = _fixture.Open())
        {
            Assert.Equal(committed, reopened.Current(StoreFixture.Origin));
            committed = await StoreFixture.CommitManyAsync(reopened, 16, 3);
        }

        await using var again = _fixture.Open();
        Assert.Equal(committed, again.Current(StoreFixture.Origin));
        Assert.Equal(118u, committed.Serial);
    }

    [Fact]
    public async Task A_crash_keeps_every_acknowledged_update()
    {
        var store = _fixture.Open();
        await StoreFixture.CommitManyAsync(store, 1, 5);
        await store.WhenWrittenAsync();
        var acknowledged = await StoreFixture.CommitManyAsync(store, 6, 50);

        await store.AbandonAsync(); // no final snapshot, no compaction: only what was fsynced
        File.WriteAllText(Path.Combine(_fixture.StoreDirectory, ".home.arpa.zone.tmp-cut-short"), "$ORIGIN home.arpa.\n@ 3600 IN SOA");

        await using var reopened = _fixture.Open();
        Assert.Equal(acknowledged, reopened.Current(StoreFixture.Origin));
        Assert.False(File.Exists(Path.Combine(_fixture.StoreDirectory, ".home.arpa.zone.tmp-cut-short")));
    }

    [Fact]
    public async Task A_crash_between_snapshot_and_compaction_skips_the_entries_the_snapshot_covers()
    {
        Zone acknowledged;
        await using (var store = _fixture.Open(suspendFileWrites: true))
        {
            acknowledged = await StoreFixture.CommitManyAsync(store, 1, 12);
        }

        // The snapshot of serial 112 is durable but the journal still holds 101..112 and beyond.
        File.WriteAllText(_fixture.SnapshotPath, Text.ZoneFileWriter.Render(acknowledged));
        await using (var store = _fixture.Open(suspendFileWrites: true))
        {
            Assert.Equal(acknowledged, store.Current(StoreFixture.Origin));
            acknowledged = await StoreFixture.CommitManyAsync(store, 13, 4);
        }

        await using var reopened = _fixture.Open();
        Assert.Equal(acknowledged, reopened.Current(StoreFixture.Origin));
        Assert.Equal(0, Interlocked.Read(ref _fixture.RejectedCount));
    }

    [Fact]
    public async Task A_torn_journal_tail_loses_only_the_last_entry()
    {
        Zone beforeLast;
        await using (var store = _fixture.Open(suspendFileWrites: true))
        {
            beforeLast = await StoreFixture.CommitManyAsync(store, 1, 9);
            await store.CommitAsync(StoreFixture.Update(store.Latest(StoreFixture.Origin), 10));
        }

        using (var journal = new FileStream(_fixture.JournalPath, FileMode.Open))
        {
            journal.SetLength(journal.Length - 5); // the power went out while the last frame was written
        }

        await using (var reopened = _fixture.Open(suspendFileWrites: true))
        {
            Assert.Equal(beforeLast, reopened.Current(StoreFixture.Origin));
            beforeLast = await StoreFixture.CommitManyAsync(reopened, 20, 2);
        }

        await using var again = _fixture.Open();
        Assert.Equal(beforeLast, again.Current(StoreFixture.Origin));
    }

    [Fact]
    public async Task A_journal_entry_that_does_not_apply_stops_the_replay_is_counted_and_later_commits_survive()
    {
        await using (var store = _fixture.Open(suspendFileWrites: true))
        {
            await StoreFixture.CommitManyAsync(store, 1, 3);
        }

        // The static zone changed (serial 50) and there is no snapshot: the journal starts from 100, ahead of it.
        var replaced = StoreFixture.StaticZone(50);
        Zone acknowledged;
        await using (var store = _fixture.Open(replaced, suspendFileWrites: true))
        {
            Assert.Equal(replaced, store.Current(StoreFixture.Origin));
            Assert.Equal(3, Interlocked.Read(ref _fixture.RejectedCount));
            Assert.Single(Directory.GetFiles(_fixture.StoreDirectory, "home.arpa.journal.rejected-*"));
            acknowledged = await StoreFixture.CommitManyAsync(store, 4, 2);
            await store.AbandonAsync();
        }

        await using var reopened = _fixture.Open(replaced);
        Assert.Equal(acknowledged, reopened.Current(StoreFixture.Origin));
        Assert.Equal(3, Interlocked.Read(ref _fixture.RejectedCount));
    }

    [Fact]
    public async Task The_replay_skips_the_orphans_of_a_failed_write_and_resumes_at_the_entry_that_follows()
    {
        var z100 = StoreFixture.StaticZone();
        var e1 = StoreFixture.Update(z100, 1);
        var z101 = z100.Apply(e1);
        var failed = StoreFixture.Update(z101, 2);                // never reached the disk
        var orphan = StoreFixture.Update(z101.Apply(failed), 3);  // built on it, written, refused to its client
        var next = StoreFixture.Update(z101, 4);                  // built on the durable version after the failure
        Directory.CreateDirectory(_fixture.StoreDirectory);
        using (var journal = Fos1.Outbox.Journaling.Journal.Open(_fixture.JournalPath, "test", (_, _) => { },
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
        {
            await Task.WhenAll(
                journal.AppendAsync(JournalEntryCodec.Encode(e1)),
                journal.AppendAsync(JournalEntryCodec.Encode(orphan)),
                journal.AppendAsync(JournalEntryCodec.Encode(next)));
        }

        var expected = z101.Apply(next);
        await using (var store = _fixture.Open(suspendFileWrites: true))
        {
            Assert.Equal(expected, store.Current(StoreFixture.Origin));
            Assert.Equal(1, Interlocked.Read(ref _fixture.RejectedCount));
        }

        await using var reopened = _fixture.Open(suspendFileWrites: true);
        Assert.Equal(expected, reopened.Current(StoreFixture.Origin));
        Assert.Equal(1, Interlocked.Read(ref _fixture.RejectedCount)); // the orphan was compacted out
    }

    [Fact]
    public async Task An_entry_not_built_on_the_newest_version_is_refused_and_changes_nothing()
    {
        await using var store = _fixture.Open();
        var stale = store.Current(StoreFixture.Origin);
        await store.CommitAsync(StoreFixture.Update(stale, 1));

        Assert.Throws<InvalidOperationException>(() => { _ = store.CommitAsync(StoreFixture.Update(stale, 2)); });
        Assert.Equal(101u, store.Current(StoreFixture.Origin).Serial);
    }

    public void Dispose() => _fixture.Dispose();
}
