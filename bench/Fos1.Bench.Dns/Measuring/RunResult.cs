namespace Fos1.Bench.Dns.Measuring;

/// <summary>One (target, concurrency) run: what the load got back and how long readers took to see sampled names.</summary>
public sealed record RunResult(
    int Run,
    string Target,
    int Concurrency,
    int Updates,
    int Accepted,
    IReadOnlyDictionary<string, int> Refused,
    int Timeouts,
    int OtherFailures,
    TimeSpan Wall,
    IReadOnlyList<double> UpdateLatenciesMs,
    IReadOnlyList<PublishLatency> Publish)
{
    public double AcceptedPerSecond => Accepted / Wall.TotalSeconds;

    /// <summary>Nearest-rank percentile of ascending values, or null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> ascending, double q)
    {
        ArgumentNullException.ThrowIfNull(ascending);
        return ascending.Count == 0 ? null : ascending[Math.Clamp((int)Math.Ceiling(q * ascending.Count) - 1, 0, ascending.Count - 1)];
    }
}

/// <summary>NOERROR answer -> visible through one probe, for the sampled names (ascending ms; Missed: not seen in time).</summary>
public sealed record PublishLatency(string Probe, IReadOnlyList<double> LatenciesMs, int Missed);
