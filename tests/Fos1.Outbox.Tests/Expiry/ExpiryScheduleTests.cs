using Fos1.Ddns.Leases;
using Fos1.Outbox.Expiry;
using Microsoft.Extensions.Time.Testing;
using static Fos1.Outbox.Tests.SampleChanges;

namespace Fos1.Outbox.Tests.Expiry;

public sealed class ExpiryScheduleTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly ExpirySchedule _schedule;

    public ExpiryScheduleTests() => _schedule = new ExpirySchedule(_time);

    [Fact]
    public void A_removal_is_due_from_its_expiry_on_and_not_before()
    {
        _schedule.Schedule(Remove(1), Start.AddMinutes(10));

        Assert.Empty(_schedule.DueAt(Start.AddMinutes(10).AddTicks(-1)));
        Assert.Equal([Remove(1)], _schedule.DueAt(Start.AddMinutes(10)).Select(r => r.Removal));
        _time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal([Remove(1)], _schedule.Due().Select(r => r.Removal));
    }

    [Fact]
    public void A_renewal_moves_the_expiry_later()
    {
        _schedule.Schedule(Remove(1), Start.AddMinutes(10));
        _schedule.Schedule(Remove(1) with { Ttl = 99 }, Start.AddMinutes(30));

        Assert.Empty(_schedule.DueAt(Start.AddMinutes(20)));
        Assert.Equal([(Remove(1) with { Ttl = 99 }, Start.AddMinutes(30))], _schedule.DueAt(Start.AddMinutes(30)).Select(r => (r.Removal, r.ExpiresAt)));
        Assert.Equal(1, _schedule.Count);
    }

    [Fact]
    public void A_renewal_can_move_the_expiry_earlier()
    {
        _schedule.Schedule(Remove(1), Start.AddMinutes(30));
        _schedule.Schedule(Remove(1), Start.AddMinutes(5));

        Assert.Equal(Start.AddMinutes(5), _schedule.NextDue);
        Assert.Single(_schedule.DueAt(Start.AddMinutes(5)));
    }

    [Fact]
    public void Several_removals_due_at_once_come_earliest_first()
    {
        _schedule.Schedule(Remove(3), Start.AddMinutes(3));
        _schedule.Schedule(Remove(1), Start.AddMinutes(1));
        _schedule.Schedule(Remove(2), Start.AddMinutes(1));
        _schedule.Schedule(Remove(4), Start.AddMinutes(9));

        Assert.Equal([Remove(1), Remove(2), Remove(3)], _schedule.DueAt(Start.AddMinutes(5)).Select(r => r.Removal));
    }

    [Fact]
    public void The_next_due_time_is_the_earliest_expiry_and_moves_when_it_is_cancelled()
    {
        Assert.Null(_schedule.NextDue);
        Assert.Null(_schedule.TimeUntilNextDue);
        _schedule.Schedule(Remove(1), Start.AddMinutes(7));
        _schedule.Schedule(Remove(2), Start.AddMinutes(3));

        Assert.Equal(Start.AddMinutes(3), _schedule.NextDue);
        Assert.Equal(TimeSpan.FromMinutes(3), _schedule.TimeUntilNextDue);
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(TimeSpan.Zero, _schedule.TimeUntilNextDue);

        Assert.True(_schedule.Cancel(LeaseKey.Of(Remove(2))));
        Assert.Equal(Start.AddMinutes(7), _schedule.NextDue);
    }

    [Fact]
    public void Cancelling_a_removal_that_was_renewed_since_keeps_the_renewed_lease()
    {
        var stale = _schedule.Schedule(Remove(1), Start.AddMinutes(1));
        _schedule.Schedule(Remove(1), Start.AddMinutes(60));

        Assert.False(_schedule.Cancel(stale));
        Assert.False(_schedule.IsCurrent(stale));
        Assert.Equal(Start.AddMinutes(60), _schedule.NextDue);
    }

    [Fact]
    public void Leases_are_keyed_by_address_and_client()
    {
        _schedule.Schedule(Remove(1), Start.AddMinutes(1));
        _schedule.Schedule(Remove(1, client: 2), Start.AddMinutes(2));
        _schedule.Schedule(Remove(1, address: "10.9.9.9"), Start.AddMinutes(3));

        Assert.Equal(3, _schedule.Count);
    }

    [Fact]
    public void Only_a_remove_can_be_scheduled()
    {
        Assert.Throws<ArgumentException>(() => _schedule.Schedule(Add(1), Start));
    }

    [Fact]
    public void Scheduling_an_earlier_expiry_signals_a_sleeping_timer_and_a_later_one_does_not()
    {
        var signals = 0;
        _schedule.NextDueMovedEarlier += () => signals++;

        _schedule.Schedule(Remove(1), Start.AddMinutes(10));
        _schedule.Schedule(Remove(2), Start.AddMinutes(20));
        _schedule.Schedule(Remove(3), Start.AddMinutes(5));

        Assert.Equal(2, signals);
    }
}
