using System.Net;
using Fos1.Ddns.Leases;
using Fos1.Kea.Memfile;
using Fos1.Kea.Tests.ControlSocket;
using Microsoft.Extensions.Logging.Abstractions;
using static Fos1.Kea.Tests.Memfile.MemfileRowParserTests;

namespace Fos1.Kea.Tests.Memfile;

/// <summary>The tail on hand-made files, with LFC's renames done exactly as Kea and kea-lfc do them.</summary>
public sealed class MemfileTailTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fos1-memfile-").FullName;
    private readonly TestMeters _meters = new();

    private string Live => Path.Combine(_directory, "leases4.csv");

    public void Dispose()
    {
        _meters.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Row(int n, int lifetime = 600, string state = "0") =>
        $"192.0.2.{n},02:00:00:00:00:{n:x2},,{lifetime},{2000000000 + n},1,1,1,h{n}.home.arpa,{state},\n";

    private MemfileTail Tail() => new(new MemfileTailOptions { LeaseFile = Live }, new MemfileMetrics(_meters), NullLogger<MemfileTail>.Instance);

    [Fact]
    public async Task Start_up_replays_dot2_then_dot1_then_the_live_file_last_row_per_address_winning()
    {
        await File.WriteAllTextAsync(Live + ".2", Header4 + "\n" + Row(1) + Row(2) + Row(3));
        await File.WriteAllTextAsync(Live + ".1", Header4 + "\n" + Row(2, lifetime: 0) + Row(4, state: "1"));
        await File.WriteAllTextAsync(Live, Header4 + "\n" + Row(3, lifetime: 900) + Row(5));
        using var tail = Tail();

        var active = await tail.LoadAsync();

        Assert.Equal(["192.0.2.1", "192.0.2.3", "192.0.2.5"], active.Select(l => l.Address.ToString()).Order());
        Assert.Equal(900u, tail.Current[IPAddress.Parse("192.0.2.3")].Lease.ValidLifetime);
        Assert.Equal([1, 3, 4, 5], tail.Current.Keys.Select(a => (int)a.GetAddressBytes()[3]).Order());
    }

    [Fact]
    public async Task A_completed_file_left_by_an_interrupted_cleanup_replaces_dot2_and_dot1()
    {
        await File.WriteAllTextAsync(Live + ".2", Header4 + "\n" + Row(1));
        await File.WriteAllTextAsync(Live + ".1", Header4 + "\n" + Row(2));
        await File.WriteAllTextAsync(Live + ".completed", Header4 + "\n" + Row(1) + Row(2) + Row(3));
        await File.WriteAllTextAsync(Live, Header4 + "\n");
        using var tail = Tail();

        var active = await tail.LoadAsync();

        Assert.Equal(3, active.Count);
    }

    [Fact]
    public async Task Appended_rows_become_events_and_a_half_written_row_waits_for_its_end()
    {
        await File.WriteAllTextAsync(Live, Header4 + "\n" + Row(1));
        using var tail = Tail();
        await tail.LoadAsync();

        var whole = Row(2);
        await File.AppendAllTextAsync(Live, Row(1, lifetime: 0) + whole[..10]);
        var first = await tail.PollAsync();
        await File.AppendAllTextAsync(Live, whole[10..]);
        var second = await tail.PollAsync();

        Assert.Equal([(LeaseEventKind.Deleted, "192.0.2.1")], first.Select(e => (e.Kind, e.Lease.Address.ToString())));
        Assert.Equal([(LeaseEventKind.Committed, "192.0.2.2")], second.Select(e => (e.Kind, e.Lease.Address.ToString())));
        Assert.All(first.Concat(second), e => Assert.Equal(LeaseSource.Memfile, e.Source));
        Assert.Equal(["192.0.2.2"], tail.Current.Keys.Select(a => a.ToString()));
    }

    [Fact]
    public async Task Malformed_rows_are_counted_and_skipped_and_the_rest_of_the_file_is_read()
    {
        await File.WriteAllTextAsync(
            Live,
            Header4 + "\n" + Row(1) + "garbage\n" + "192.0.2.2,zz,,600,1,1,1,1,,0,\n" + "\n" + Row(3) + "192.0.2.4,,,\u00ff\u0000,1,1,1,1,,0,\n" + Row(5));
        using var tail = Tail();

        var active = await tail.LoadAsync();

        Assert.Equal(["192.0.2.1", "192.0.2.3", "192.0.2.5"], active.Select(l => l.Address.ToString()));
        Assert.Equal(3, tail.RejectedRows);
        Assert.Equal(3, _meters.Total("fos1.kea.memfile.rows_rejected"));
        Assert.Equal(3, _meters.Total("fos1.kea.memfile.rows"));
    }

    [Fact]
    public async Task An_LFC_rotation_is_followed_without_losing_the_rows_written_just_before_it()
    {
        await File.WriteAllTextAsync(Live, Header4 + "\n" + Row(1));
        using var tail = Tail();
        await tail.LoadAsync();
        await File.AppendAllTextAsync(Live, Row(2));

        // Kea: close, rename live -> .1, open a new live file with a header; then more leases.
        File.Move(Live, Live + ".1");
        await File.WriteAllTextAsync(Live, Header4 + "\n" + Row(3));
        // kea-lfc: merge .2 + .1 -> .output -> .completed, delete .1 and .2, rename .completed -> .2.
        await File.WriteAllTextAsync(Live + ".output", Header4 + "\n" + Row(1) + Row(2));
        File.Move(Live + ".output", Live + ".completed");
        File.Delete(Live + ".1");
        File.Move(Live + ".completed", Live + ".2");
        var events = await tail.PollAsync();
        await File.AppendAllTextAsync(Live, Row(4));
        var later = await tail.PollAsync();

        Assert.Equal(["192.0.2.2", "192.0.2.3"], events.Select(e => e.Lease.Address.ToString()));
        Assert.Equal(["192.0.2.4"], later.Select(e => e.Lease.Address.ToString()));
        Assert.Equal(1, tail.Rotations);
        Assert.Equal(1, _meters.Total("fos1.kea.memfile.rotations"));
        using var restarted = Tail();
        Assert.Equal([1, 2, 3, 4], (await restarted.LoadAsync()).Select(l => (int)l.Address.GetAddressBytes()[3]).Order());
    }

    [Fact]
    public async Task Rows_of_a_middle_file_hidden_by_two_rotations_between_two_reads_are_recovered_from_the_merged_file()
    {
        await File.WriteAllTextAsync(Live, Header4 + "\n" + Row(1) + Row(2) + Row(3));
        using var tail = Tail();
        await tail.LoadAsync();
        await File.AppendAllTextAsync(Live, Row(4));

        // Rotation 1 and its cleanup.
        File.Move(Live, Live + ".1");
        await File.WriteAllTextAsync(Live, Header4 + "\n" + Row(1, lifetime: 0) + Row(2, lifetime: 900) + Row(5) + Row(6));
        await File.WriteAllTextAsync(Live + ".2", Header4 + "\n" + Row(1) + Row(2) + Row(3) + Row(4));
        File.Delete(Live + ".1");
        // Rotation 2 before the tail looked again: the middle file (release of .1, renewal of .2, new .5 and .6) is
        // merged into .2 and deleted, and the new live file already renews .6.
        File.Move(Live, Live + ".1");
        await File.WriteAllTextAsync(Live, Header4 + "\n" + Row(6, lifetime: 1200) + Row(7));
        await File.WriteAllTextAsync(Live + ".2", Header4 + "\n" + Row(2, lifetime: 900) + Row(3) + Row(4) + Row(5) + Row(6));
        File.Delete(Live + ".1");

        var events = await tail.PollAsync();

        Assert.Equal(
            [(LeaseEventKind.Committed, 4, 600u), (LeaseEventKind.Committed, 6, 1200u), (LeaseEventKind.Committed, 7, 600u),
             (LeaseEventKind.Committed, 2, 900u), (LeaseEventKind.Committed, 5, 600u), (LeaseEventKind.Deleted, 1, 0u)],
            events.Select(e => (e.Kind, (int)e.Lease.Address.GetAddressBytes()[3], e.Lease.ValidLifetime)));
        Assert.Equal([2, 3, 4, 5, 6, 7], tail.Current.Keys.Select(a => (int)a.GetAddressBytes()[3]).Order());
        Assert.Equal(1200u, tail.Current[IPAddress.Parse("192.0.2.6")].Lease.ValidLifetime);
        Assert.Equal(3, _meters.Total("fos1.kea.memfile.rows_recovered"));
    }

    [Fact]
    public async Task A_rotation_whose_cleanup_has_not_run_yet_recovers_nothing()
    {
        await File.WriteAllTextAsync(Live + ".2", Header4 + "\n" + Row(1));
        await File.WriteAllTextAsync(Live, Header4 + "\n" + Row(2));
        using var tail = Tail();
        await tail.LoadAsync();
        await File.AppendAllTextAsync(Live, Row(3));

        File.Move(Live, Live + ".1");
        await File.WriteAllTextAsync(Live, Header4 + "\n" + Row(4));
        var events = await tail.PollAsync();

        Assert.Equal([3, 4], events.Select(e => (int)e.Lease.Address.GetAddressBytes()[3]));
        Assert.Equal(0, _meters.Total("fos1.kea.memfile.rows_recovered"));
    }

    [Fact]
    public async Task A_live_file_that_appears_later_is_picked_up()
    {
        using var tail = Tail();
        Assert.Empty(await tail.LoadAsync());

        await File.WriteAllTextAsync(Live, Header4 + "\n" + Row(7));
        var events = await tail.PollAsync();

        Assert.Equal(["192.0.2.7"], events.Select(e => e.Lease.Address.ToString()));
    }
    [Fact]
    public async Task Following_yields_rows_as_Kea_appends_them()
    {
        await File.WriteAllTextAsync(Live, Header4 + "\n");
        using var tail = new MemfileTail(
            new MemfileTailOptions { LeaseFile = Live, PollInterval = TimeSpan.FromMilliseconds(20) }, new MemfileMetrics(_meters), NullLogger<MemfileTail>.Instance);
        await tail.LoadAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var events = tail.FollowAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        var next = events.MoveNextAsync();
        await File.AppendAllTextAsync(Live, Row(8));

        Assert.True(await next);
        Assert.Equal((LeaseEventKind.Committed, "192.0.2.8"), (events.Current.Kind, events.Current.Lease.Address.ToString()));
    }
}
