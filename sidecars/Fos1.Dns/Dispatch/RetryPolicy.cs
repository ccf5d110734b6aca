namespace Fos1.Dns.Dispatch;

/// <summary>
/// How long to wait for one answer and how to back off when none comes (or SERVFAIL does).
/// Attempts are unbounded: a change is never dropped because a server is down.
/// </summary>
public sealed record RetryPolicy(TimeSpan Timeout, TimeSpan InitialDelay, TimeSpan MaxDelay)
{
    public static RetryPolicy Default { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));

    /// <summary>Delay before attempt <paramref name="attempt"/> (2 = first resend): doubling, capped.</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var doublings = Math.Min(attempt - 2, 20);
        var delay = InitialDelay * Math.Pow(2, Math.Max(doublings, 0));
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
