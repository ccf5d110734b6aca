namespace Fos1.Outbox.Expiry;

public sealed record ExpiryTimerOptions
{
    /// <summary>
    /// The longest single sleep. Sleeps run on the monotonic timer but expiries are wall-clock instants,
    /// so a forward clock jump is noticed at the latest after this long.
    /// </summary>
    public TimeSpan MaxSleep { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Wait before retrying when handing a due removal on failed (e.g. the outbox's disk is full).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);
}
