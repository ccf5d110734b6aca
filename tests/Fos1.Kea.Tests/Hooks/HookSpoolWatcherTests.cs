using System.Net;
using Fos1.Ddns.Leases;
using Fos1.Kea.Hooks;

namespace Fos1.Kea.Tests.Hooks;

public sealed class HookSpoolWatcherTests
{
    private static readonly byte[] Committed = HookFixtures.Read("v4-leases4_committed.event");
    private static readonly byte[] Released = HookFixtures.Read("v4-lease4_release.event");
    private static readonly byte[] Expired = HookFixtures.Read("v4-lease4_expire.event");

    [Fact]
    public async Task Files_are_consumed_in_name_order_and_deleted()
    {
        using var spool = new SpoolDirectory();
        spool.Drop("1795915000000000003-30.event", Expired);
        spool.Drop("1795915000000000001-10.event", Committed);
        spool.Drop("1795915000000000002-20.event", Released);

        var pass = await spool.Watcher.DrainAsync(CancellationToken.None);

        Assert.Equal(new HookSpoolPass(3, 0, Blocked: false), pass);
        Assert.Equal([LeaseEventKind.Committed, LeaseEventKind.Released, LeaseEventKind.Expired], spool.Received.Select(e => e.Kind));
        Assert.Empty(spool.Files);
        Assert.Equal(1, spool.Counter("fos1.hook_spool.files:leases4_committed"));
        Assert.Equal(1, spool.Counter("fos1.hook_spool.events:Released"));
    }

    [Fact]
    public async Task An_unparseable_file_is_moved_to_rejected_and_counted_and_the_others_are_still_consumed()
    {
        using var spool = new SpoolDirectory();
        spool.Drop("1-a.event", Committed);
        spool.Drop("2-b.event", "garbage"u8.ToArray());
        spool.Drop("3-c.event", Released);

        var pass = await spool.Watcher.DrainAsync(CancellationToken.None);

        Assert.Equal(new HookSpoolPass(2, 1, Blocked: false), pass);
        Assert.Equal(2, spool.Received.Count);
        Assert.Equal(["2-b.event"], spool.Rejected);
        Assert.Empty(spool.Files);
        Assert.Equal(1, spool.Counter("fos1.hook_spool.rejected:Truncated"));
    }

    [Fact]
    public async Task A_failing_consumer_keeps_the_file_and_stops_the_pass_so_that_order_is_kept_and_a_later_pass_retries()
    {
        var failing = true;
        var received = new List<LeaseEvent>();
        using var spool = new SpoolDirectory((events, _) =>
        {
            if (failing)
            {
                throw new IOException("outbox disk full");
            }

            received.AddRange(events);
            return ValueTask.CompletedTask;
        });
        spool.Drop("1-a.event", Committed);
        spool.Drop("2-b.event", Released);

        var blocked = await spool.Watcher.DrainAsync(CancellationToken.None);
        var filesWhileBlocked = spool.Files.ToList();
        failing = false;
        var retried = await spool.Watcher.DrainAsync(CancellationToken.None);

        Assert.Equal(new HookSpoolPass(0, 0, Blocked: true), blocked);
        Assert.Equal(["1-a.event", "2-b.event"], filesWhileBlocked);
        Assert.Equal(new HookSpoolPass(2, 0, Blocked: false), retried);
        Assert.Equal([LeaseEventKind.Committed, LeaseEventKind.Released], received.Select(e => e.Kind));
        Assert.Equal(1, spool.Counter("fos1.hook_spool.consumer_failures"));
    }

    [Fact]
    public async Task The_file_is_deleted_only_after_the_consumer_acknowledged()
    {
        var acknowledge = new TaskCompletionSource();
        var offered = new TaskCompletionSource();
        using var spool = new SpoolDirectory(async (_, _) =>
        {
            offered.SetResult();
            await acknowledge.Task;
        });
        spool.Drop("1-a.event", Committed);

        var drain = spool.Watcher.DrainAsync(CancellationToken.None);
        await offered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var whileUnacknowledged = spool.Files.ToList();
        acknowledge.SetResult();
        await drain.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["1-a.event"], whileUnacknowledged);
        Assert.Empty(spool.Files);
    }

    [Fact]
    public async Task A_file_without_events_is_deleted_without_bothering_the_consumer()
    {
        var calls = 0;
        using var spool = new SpoolDirectory((_, _) =>
        {
            calls++;
            return ValueTask.CompletedTask;
        });
        spool.Drop("1-a.event", HookFixtures.Read("v4-lease4_renew-discover.event"));

        var pass = await spool.Watcher.DrainAsync(CancellationToken.None);

        Assert.Equal(new HookSpoolPass(1, 0, Blocked: false), pass);
        Assert.Equal(0, calls);
        Assert.Empty(spool.Files);
    }

    [Fact]
    public async Task Half_written_files_in_tmp_are_left_alone_until_they_are_stale()
    {
        using var spool = new SpoolDirectory();
        Directory.CreateDirectory(spool.Options.TemporaryDirectory);
        var fresh = Path.Combine(spool.Options.TemporaryDirectory, "fresh.event");
        var stale = Path.Combine(spool.Options.TemporaryDirectory, "stale.event");
        File.WriteAllBytes(fresh, Committed[..10]);
        File.WriteAllBytes(stale, Committed[..10]);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow - TimeSpan.FromHours(2));

        await spool.Watcher.DrainAsync(CancellationToken.None);

        Assert.True(File.Exists(fresh));
        Assert.False(File.Exists(stale));
        Assert.Empty(spool.Received);
        Assert.Equal(1, spool.Counter("fos1.hook_spool.stale_temporary_files"));
    }

    [Fact]
    public async Task Running_consumes_what_was_spooled_before_the_start_and_what_is_renamed_in_afterwards()
    {
        using var spool = new SpoolDirectory();
        spool.Drop("1-before.event", Committed);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var run = spool.Watcher.RunAsync(stop.Token);

        await Until(() => spool.Received.Count == 1, "the file spooled before the start");
        spool.Drop("2-after.event", Released);
        // The rescan interval is 5 minutes: only inotify can deliver this one in time.
        await Until(() => spool.Received.Count == 2, "the file renamed in while running");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([LeaseEventKind.Committed, LeaseEventKind.Released], spool.Received.Select(e => e.Kind));
        Assert.Equal(IPAddress.Parse("192.0.2.100"), spool.Received[1].Lease.Address);
        Assert.Empty(spool.Files);
    }

    [Fact]
    public async Task The_channel_sink_writes_every_event_of_a_file_in_order()
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<LeaseEvent>();
        using var spool = new SpoolDirectory(LeaseEventSinks.ToChannel(channel.Writer));
        spool.Drop("1-a.event", HookFixtures.Read("v6-leases6_committed-na-pd.event"));

        await spool.Watcher.DrainAsync(CancellationToken.None);
        channel.Writer.Complete();
        var events = await channel.Reader.ReadAllAsync().ToListAsync();

        Assert.Equal([LeaseType.IaNa, LeaseType.IaPd], events.Select(e => e.Lease.Type));
    }

    private static async Task Until(Func<bool> condition, string awaited)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"gave up waiting for {awaited}");
            await Task.Delay(20);
        }
    }
}
