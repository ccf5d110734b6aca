using System.Threading.Channels;
using Fos1.Ddns.Leases;
using Microsoft.Extensions.Logging;

namespace Fos1.Outbox.Expiry;

/// <summary>
/// Sleeps on a <see cref="TimeProvider"/> until the schedule's next expiry (woken early when an earlier
/// one is scheduled), then hands every due removal on and forgets it. Clock behaviour: expiries are
/// wall-clock instants and are re-checked on every wake-up; sleeps are monotonic and capped at
/// <see cref="ExpiryTimerOptions.MaxSleep"/>. A clock jumping forward makes removals due at once (within
/// MaxSleep); a clock jumping back delays them by the jump. Not a BackgroundService, so any host can run it.
/// </summary>
public sealed partial class ExpiryTimer
{
    private readonly ExpirySchedule _schedule;
    private readonly TimeProvider _time;
    private readonly Func<ScheduledRemoval, CancellationToken, ValueTask> _onDue;
    private readonly ILogger _logger;
    private readonly ExpiryTimerOptions _options;
    private readonly OutboxMetrics? _metrics;
    private readonly Lock _gate = new();
    private static readonly Task Never = new TaskCompletionSource().Task;
    private TaskCompletionSource _wake = NewSignal();
    private DateTimeOffset? _sleepingUntil;

    /// <param name="onDue">
    /// Makes the removal happen (e.g. appends it to the outbox, then <see cref="LeaseLedger.ExpiredAsync"/>).
    /// When it throws, the removal stays scheduled and is retried after <see cref="ExpiryTimerOptions.RetryDelay"/>.
    /// </param>
    public ExpiryTimer(ExpirySchedule schedule, TimeProvider time, Func<ScheduledRemoval, CancellationToken, ValueTask> onDue,
        ILogger<ExpiryTimer> logger, ExpiryTimerOptions? options = null, OutboxMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        _schedule = schedule;
        _time = time;
        _onDue = onDue;
        _logger = logger;
        _options = options ?? new ExpiryTimerOptions();
        _metrics = metrics;
        schedule.NextDueMovedEarlier += Wake;
    }

    /// <summary>Writes each due removal to <paramref name="removals"/>.</summary>
    public ExpiryTimer(ExpirySchedule schedule, TimeProvider time, ChannelWriter<NameChange> removals,
        ILogger<ExpiryTimer> logger, ExpiryTimerOptions? options = null, OutboxMetrics? metrics = null)
        : this(schedule, time, (due, ct) => removals.WriteAsync(due.Removal, ct), logger, options, metrics)
    {
    }

    /// <summary>The wall-clock time the timer sleeps until (null while awake); for diagnostics and tests.</summary>
    public DateTimeOffset? SleepingUntil
    {
        get
        {
            lock (_gate)
            {
                return _sleepingUntil;
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Task wake;
                lock (_gate)
                {
                    // Taken before reading the schedule, so a removal scheduled meanwhile still wakes us.
                    _wake = NewSignal();
                    wake = _wake.Task;
                }

                var now = _time.GetUtcNow();
                var due = _schedule.DueAt(now);
                if (due.Count > 0)
                {
                    await HandOnAsync(due, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var sleep = _options.MaxSleep;
                if (_schedule.NextDue is { } next && next - now < sleep)
                {
                    sleep = next - now;
                }

                await SleepAsync(now + sleep, sleep, wake, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _schedule.NextDueMovedEarlier -= Wake;
        }
    }

    private async Task HandOnAsync(IReadOnlyList<ScheduledRemoval> due, CancellationToken cancellationToken)
    {
        var handed = 0;
        try
        {
            foreach (var removal in due)
            {
                // A renewal may have moved it since DueAt.
                if (!_schedule.IsCurrent(removal))
                {
                    continue;
                }

                await _onDue(removal, cancellationToken).ConfigureAwait(false);
                _schedule.Cancel(removal);
                handed++;
                LogExpired(removal.Removal.Fqdn.Text, removal.Removal.Address, removal.ExpiresAt);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHandOnFailed(e, _options.RetryDelay.TotalSeconds);
            await SleepAsync(_time.GetUtcNow() + _options.RetryDelay, _options.RetryDelay, Never, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            _metrics?.Expired(handed);
        }
    }

    private async Task SleepAsync(DateTimeOffset until, TimeSpan sleep, Task wake, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(sleep, _time, stop.Token);
        lock (_gate)
        {
            _sleepingUntil = until;
        }

        try
        {
            await Task.WhenAny(delay, wake).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _sleepingUntil = null;
            }

            await stop.CancelAsync().ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Wake()
    {
        lock (_gate)
        {
            _wake.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(EventId = 520, Level = LogLevel.Information, Message = "Lease of {Name} {Address} expired at {ExpiresAt:O} without renewal; removing its records")]
    private partial void LogExpired(string name, System.Net.IPAddress address, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 521, Level = LogLevel.Error, Message = "Could not hand on a due lease removal; retrying in {Seconds} s")]
    private partial void LogHandOnFailed(Exception exception, double seconds);
}
