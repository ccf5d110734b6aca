using System.Threading.Channels;
using Fos1.Ddns.Leases;
using Fos1.Outbox.Expiry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Fos1.Outbox.Tests.SampleChanges;

namespace Fos1.Outbox.Tests.Expiry;

public sealed class ExpiryTimerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly ExpirySchedule _schedule;
    private readonly Channel<NameChange> _removals = Channel.CreateUnbounded<NameChange>();
    private readonly CancellationTokenSource _stop = new();
    private ExpiryTimer? _timer;
    private Task? _running;

    public ExpiryTimerTests() => _schedule = new ExpirySchedule(_time);

    public void Dispose()
    {
        _stop.Cancel();
        _running?.Wait(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    [Fact]
    public async Task A_removal_is_emitted_at_its_expiry_and_not_before()
    {
        _schedule.Schedule(Remove(1), Start.AddSeconds(50));
        StartTimer();

        await SleepingUntilAsync(Start.AddSeconds(50));
        _time.Advance(TimeSpan.FromSeconds(49));
        await SleepingUntilAsync(Start.AddSeconds(50));
        Assert.False(_removals.Reader.TryRead(out _));

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Remove(1), await ReadAsync());
        Assert.Equal(0, _schedule.Count);
    }

    [Fact]
    public async Task An_earlier_expiry_scheduled_while_sleeping_wakes_the_timer()
    {
        _schedule.Schedule(Remove(1), Start.AddSeconds(50));
        StartTimer();
        await SleepingUntilAsync(Start.AddSeconds(50));

        _schedule.Schedule(Remove(2), Start.AddSeconds(10));

        await SleepingUntilAsync(Start.AddSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(Remove(2), await ReadAsync());
        await SleepingUntilAsync(Start.AddSeconds(50));
        _time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(Remove(1), await ReadAsync());
    }

    [Fact]
    public async Task Removals_due_together_are_all_emitted_earliest_first()
    {
        _schedule.Schedule(Remove(2), Start.AddSeconds(20));
        _schedule.Schedule(Remove(1), Start.AddSeconds(10));
        _schedule.Schedule(Remove(3), Start.AddSeconds(30));
        StartTimer();
        await SleepingUntilAsync(Start.AddSeconds(10));

        _time.Advance(TimeSpan.FromSeconds(25));

        Assert.Equal(Remove(1), await ReadAsync());
        Assert.Equal(Remove(2), await ReadAsync());
        await SleepingUntilAsync(Start.AddSeconds(30));
        Assert.False(_removals.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_renewal_before_expiry_postpones_the_removal()
    {
        _schedule.Schedule(Remove(1), Start.AddSeconds(10));
        StartTimer();
        await SleepingUntilAsync(Start.AddSeconds(10));

        _schedule.Schedule(Remove(1), Start.AddSeconds(40));
        _time.Advance(TimeSpan.FromSeconds(10));

        await SleepingUntilAsync(Start.AddSeconds(40));
        Assert.False(_removals.Reader.TryRead(out _));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(Remove(1), await ReadAsync());
    }

    [Fact]
    public async Task Far_expiries_are_rechecked_at_least_every_max_sleep()
    {
        _schedule.Schedule(Remove(1), Start.AddHours(2));
        StartTimer();

        await SleepingUntilAsync(Start.AddMinutes(1));
        _time.Advance(TimeSpan.FromMinutes(1));
        await SleepingUntilAsync(Start.AddMinutes(2));
    }

    [Fact]
    public async Task A_failed_hand_on_keeps_the_removal_and_retries_after_the_retry_delay()
    {
        var attempts = 0;
        var handedOn = Channel.CreateUnbounded<ScheduledRemoval>();
        _schedule.Schedule(Remove(1), Start);
        _timer = new ExpiryTimer(_schedule, _time, (removal, ct) =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                throw new IOException("disk full");
            }

            return handedOn.Writer.WriteAsync(removal, ct);
        }, NullLogger<ExpiryTimer>.Instance, new ExpiryTimerOptions { RetryDelay = TimeSpan.FromSeconds(5) });
        _running = _timer.RunAsync(_stop.Token);

        await SleepingUntilAsync(Start.AddSeconds(5));
        Assert.Equal(1, _schedule.Count);
        _time.Advance(TimeSpan.FromSeconds(5));

        var removal = await handedOn.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Remove(1), removal.Removal);
        Assert.Equal(2, attempts);
    }

    private void StartTimer()
    {
        _timer = new ExpiryTimer(_schedule, _time, _removals.Writer, NullLogger<ExpiryTimer>.Instance);
        _running = _timer.RunAsync(_stop.Token);
    }

    private async Task SleepingUntilAsync(DateTimeOffset expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_timer!.SleepingUntil != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the timer sleeps until {_timer.SleepingUntil:O}, not {expected:O}");
            await Task.Delay(5);
        }
    }

    private async Task<NameChange> ReadAsync() =>
        await _removals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
