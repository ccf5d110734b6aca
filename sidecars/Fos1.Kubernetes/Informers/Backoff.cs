namespace Fos1.Kubernetes.Informers;

/// <summary>
/// Exponential backoff with full-range jitter in [delay/2, delay]: spread so that every replica of a sidecar
/// does not reconnect to a restarted API server in the same instant.
/// </summary>
internal static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan min, TimeSpan max, double jitter)
    {
        var exponent = Math.Min(Math.Max(attempt, 0), 30);
        var ceiling = Math.Min(min.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        var delay = (ceiling / 2) + (ceiling / 2 * Math.Clamp(jitter, 0, 1));
        return TimeSpan.FromMilliseconds(delay);
    }
}
