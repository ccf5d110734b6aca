using System.Threading.Channels;
using Fos1.Ddns.Leases;
using Fos1.Outbox.Expiry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Fos1.Outbox.Tests.SampleChanges;

namespace Fos1.Outbox.Tests.Expiry;

/// <summary>
/// The wall clock jumps (NTP step, VM resume) while the timer sleeps. Timers run on the monotonic clock, lease
/// expiries are wall-clock times (as Kea's): <see cref="JumpingClock"/> keeps the two apart as a real system does.
/// </summary>
public sealed class ExpiryTimerClockJumpTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _monotonic = new(Start);
    private readonly JumpingClock _clock;
    private readonly ExpirySchedule _schedule;
    private readonly Channel<NameChange> _removals = Channel.CreateUnbounded<NameChange>();
    private readonly CancellationTokenSource _stop = new();
    private readonly ExpiryTimer _timer;
    private readonly Task _running;

    public ExpiryTimerClockJumpTests()
    {
        _clock = new JumpingClock(_monotonic);
        _schedule = new ExpirySchedule(_clock);
        _timer = new ExpiryTimer(_schedule, _clock, _removals.Writer, NullLogger<ExpiryTimer>.Instance);
        _running = _timer.RunAsync(_stop.Token);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _running.Wait(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    [Fact]
    public async Task A_wall_clock_jumping_two_hours_ahead_removes_what_is_now_expired_within_one_max_sleep()
    {
        _schedule.Schedule(Remove(1), Start.AddHours(1));
        await SleepingUntilAsync(Start.AddMinutes(1));

        _clock.Jump(TimeSpan.FromHours(2));
        // The sleep in progress runs out on the monotonic clock; the timer then reads the jumped wall clock.
        _monotonic.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(Remove(1), await ReadAsync());
        Assert.Equal(0, _schedule.Count);
    }

    [Fact]
    public async Task A_wall_clock_jumping_back_an_hour_delays_a_removal_but_neither_drops_it_nor_fires_it_early()
    {
        _schedule.Schedule(Remove(1), Start.AddSeconds(50));
        await SleepingUntilAsync(Start.AddSeconds(50));

        _clock.Jump(TimeSpan.FromHours(-1));
        _monotonic.Advance(TimeSpan.FromSeconds(50));
        // Woken on the monotonic clock at 50 s; the wall clock says 59 min 10 s before expiry: sleep again (capped).
        await SleepingUntilAsync(Start.AddHours(-1).AddSeconds(50).AddMinutes(1));
        Assert.False(_removals.Reader.TryRead(out _));
        Assert.Equal(1, _schedule.Count);

        _clock.Jump(TimeSpan.FromHours(1));
        _monotonic.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(Remove(1), await ReadAsync());
    }

    private async Task SleepingUntilAsync(DateTimeOffset expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_timer.SleepingUntil != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the timer sleeps until {_timer.SleepingUntil:O}, not {expected:O}");
            await Task.Delay(5);
        }
    }

    private async Task<NameChange> ReadAsync() =>
        await _removals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Wall clock = the monotonic clock plus a step the test sets; timers and timestamps stay monotonic.</summary>
    private sealed class JumpingClock(FakeTimeProvider monotonic) : TimeProvider
    {
        private long _offsetTicks;

        public void Jump(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

        public override DateTimeOffset GetUtcNow() => monotonic.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

        public override long GetTimestamp() => monotonic.GetTimestamp();

        public override long TimestampFrequency => monotonic.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            monotonic.CreateTimer(callback, state, dueTime, period);
    }
}
