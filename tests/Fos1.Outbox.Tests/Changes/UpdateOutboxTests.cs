using Fos1.Ddns.Leases;
using Fos1.Outbox.Changes;
using Microsoft.Extensions.Logging.Abstractions;
using static Fos1.Outbox.Tests.SampleChanges;

namespace Fos1.Outbox.Tests.Changes;

public sealed class UpdateOutboxTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    internal static UpdateOutbox Open(OutboxOptions options) => UpdateOutbox.Open(options, NullLogger<UpdateOutbox>.Instance);

    private UpdateOutbox Open() => Open(_dir.Options);

    private string JournalPath => Path.Combine(_dir.Path, UpdateOutbox.JournalFileName);

    [Fact]
    public async Task Appended_changes_are_handed_out_in_append_order_with_their_ids()
    {
        using var outbox = Open();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await outbox.AppendAsync(Add(i)));
        }

        var batch = outbox.TakeBatch(3);

        Assert.Equal([1, 2, 3, 4, 5], ids);
        Assert.Equal([(1L, Add(0)), (2L, Add(1)), (3L, Add(2))], batch.Select(e => (e.Id, e.Change)));
        Assert.Equal([4L, 5L], outbox.TakeBatch(10).Select(e => e.Id));
        Assert.Empty(outbox.TakeBatch(10));
        Assert.Equal(5, outbox.PendingCount);
    }

    [Fact]
    public async Task Restart_replays_exactly_the_uncompleted_changes_in_their_original_order()
    {
        using (var outbox = Open())
        {
            for (var i = 0; i < 10; i++)
            {
                await outbox.AppendAsync(Add(i));
            }

            outbox.TakeBatch(4); // in flight when we "stop": still pending after the restart
            await outbox.CompleteAsync(2);
            await outbox.CompleteAsync(5);
            await outbox.CompleteAsync(8);
        }

        using var reopened = Open();

        var replayed = reopened.TakeBatch(100);
        Assert.Equal([1L, 3, 4, 6, 7, 9, 10], replayed.Select(e => e.Id));
        Assert.Equal(replayed.Select(e => Add((int)e.Id - 1)), replayed.Select(e => e.Change));
        Assert.Equal(11, await reopened.AppendAsync(Add(99)));
    }

    [Fact]
    public async Task A_half_written_last_entry_is_cut_off_and_the_earlier_entries_are_kept()
    {
        using (var outbox = Open())
        {
            for (var i = 0; i < 5; i++)
            {
                await outbox.AppendAsync(Add(i));
            }
        }

        var intact = new FileInfo(JournalPath).Length;
        var lastFrame = await ReadTailAsync(JournalPath, 60);
        await AppendBytesAsync(JournalPath, lastFrame[..25]);

        using (var reopened = Open())
        {
            Assert.Equal(25, reopened.TruncatedBytes);
            Assert.Equal(intact, new FileInfo(JournalPath).Length);
            Assert.Equal([1L, 2, 3, 4, 5], reopened.TakeBatch(100).Select(e => e.Id));
            await reopened.AppendAsync(Add(5));
        }

        using var again = Open();
        Assert.Equal(0, again.TruncatedBytes);
        Assert.Equal(6, again.PendingCount);
    }

    [Fact]
    public async Task An_entry_whose_checksum_does_not_match_is_cut_off_with_everything_after_it()
    {
        using (var outbox = Open())
        {
            for (var i = 0; i < 5; i++)
            {
                await outbox.AppendAsync(Add(i));
            }
        }

        var bytes = await File.ReadAllBytesAsync(JournalPath);
        bytes[^3] ^= 0xFF; // inside the last entry's payload
        await File.WriteAllBytesAsync(JournalPath, bytes);

        using var reopened = Open();

        Assert.True(reopened.TruncatedBytes > 0);
        Assert.Equal([1L, 2, 3, 4], reopened.TakeBatch(100).Select(e => e.Id));
    }

    [Fact]
    public async Task Garbage_after_the_last_entry_is_cut_off()
    {
        using (var outbox = Open())
        {
            await outbox.AppendAsync(Add(1));
        }

        await AppendBytesAsync(JournalPath, [0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

        using var reopened = Open();

        Assert.Equal(13, reopened.TruncatedBytes);
        Assert.Equal([Add(1)], reopened.TakeBatch(10).Select(e => e.Change));
    }

    [Fact]
    public async Task Compaction_keeps_the_pending_changes_and_shrinks_the_journal()
    {
        var options = _dir.Options with { CompactionThresholdBytes = 16 * 1024 };
        long grown;
        using (var outbox = Open(options))
        {
            await Task.WhenAll(Enumerable.Range(0, 400).Select(i => outbox.AppendAsync(Add(i))));
            grown = outbox.JournalLength;
            var sent = outbox.TakeBatch(400);
            foreach (var entry in sent.Where(e => e.Id is not (7 or 200 or 399)))
            {
                await outbox.CompleteAsync(entry.Id);
            }

            Assert.True(outbox.JournalLength < grown / 2, $"journal still {outbox.JournalLength} bytes of {grown}");
            Assert.False(File.Exists(JournalPath + ".compacting"));
        }

        using var reopened = Open(options);

        Assert.Equal([7L, 200, 399], reopened.TakeBatch(10).Select(e => e.Id));
        Assert.Equal(401, await reopened.AppendAsync(Add(1000)));
    }

    [Fact]
    public async Task Compaction_after_everything_completed_keeps_ids_increasing()
    {
        var options = _dir.Options with { CompactionThresholdBytes = 4096 };
        using (var outbox = Open(options))
        {
            for (var i = 0; i < 60; i++)
            {
                var id = await outbox.AppendAsync(Add(i));
                outbox.TakeBatch(1);
                await outbox.CompleteAsync(id);
            }
        }

        using var reopened = Open(options);

        Assert.Equal(0, reopened.PendingCount);
        Assert.Equal(61, await reopened.AppendAsync(Add(1)));
    }

    [Fact]
    public async Task A_second_add_for_the_same_key_replaces_the_unsent_first_one_also_after_restart()
    {
        using (var outbox = Open())
        {
            await outbox.AppendAsync(Add(1));
            await outbox.AppendAsync(Add(2));
            await outbox.AppendAsync(Add(1) with { Ttl = 60 });

            Assert.Equal([(2L, Add(2)), (3L, Add(1) with { Ttl = 60 })], outbox.TakeBatch(10).Select(e => (e.Id, e.Change)));
        }

        using var reopened = Open();
        Assert.Equal([2L, 3], reopened.TakeBatch(10).Select(e => e.Id));
    }

    [Fact]
    public async Task A_remove_after_an_unsent_add_replaces_it_by_default()
    {
        using var outbox = Open();
        await outbox.AppendAsync(Add(1));
        await outbox.AppendAsync(Remove(1));

        Assert.Equal([Remove(1)], outbox.TakeBatch(10).Select(e => e.Change));
    }

    [Fact]
    public async Task A_remove_after_an_unsent_add_cancels_both_in_cancel_mode()
    {
        using var outbox = Open(_dir.Options with { AddThenRemove = AddThenRemove.Cancel });
        await outbox.AppendAsync(Add(1));
        await outbox.AppendAsync(Remove(1));

        Assert.Empty(outbox.TakeBatch(10));
        Assert.Equal(0, outbox.PendingCount);
    }

    [Fact]
    public async Task A_remove_after_an_add_already_handed_out_is_sent_too()
    {
        using var outbox = Open(_dir.Options with { AddThenRemove = AddThenRemove.Cancel });
        await outbox.AppendAsync(Add(1));
        Assert.Single(outbox.TakeBatch(10));
        await outbox.AppendAsync(Remove(1));

        Assert.Equal([Remove(1)], outbox.TakeBatch(10).Select(e => e.Change));
    }

    [Fact]
    public async Task A_waiting_sender_wakes_when_a_change_becomes_durable()
    {
        using var outbox = Open();
        var waiting = outbox.WaitForPendingAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await outbox.AppendAsync(Add(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(outbox.TakeBatch(10));
    }

    [Fact]
    public async Task A_backlog_of_100000_changes_survives_a_restart_in_order()
    {
        const int Count = 100_000;
        using (var outbox = Open())
        {
            for (var start = 0; start < Count; start += 5000)
            {
                await Task.WhenAll(Enumerable.Range(start, 5000).Select(i => outbox.AppendAsync(Add(i))));
            }

            Assert.Equal(Count, outbox.PendingCount);
        }

        using var reopened = Open();

        Assert.Equal(Count, reopened.PendingCount);
        long expectedId = 1;
        for (var batch = reopened.TakeBatch(1000); batch.Count > 0; batch = reopened.TakeBatch(1000))
        {
            foreach (var entry in batch)
            {
                Assert.Equal(expectedId++, entry.Id);
            }
        }

        Assert.Equal(Count + 1, expectedId);
    }

    [Fact]
    public void A_second_outbox_on_a_directory_in_use_is_refused_with_a_clear_message()
    {
        using var first = Open();

        var error = Assert.Throws<IOException>(() => Open());

        Assert.Contains("locked by another process", error.Message, StringComparison.Ordinal);
    }

    private static async Task<byte[]> ReadTailAsync(string path, int count)
    {
        var bytes = await File.ReadAllBytesAsync(path);
        return bytes[^count..];
    }

    private static async Task AppendBytesAsync(string path, byte[] bytes)
    {
        await using var file = new FileStream(path, FileMode.Append);
        await file.WriteAsync(bytes);
    }
}
