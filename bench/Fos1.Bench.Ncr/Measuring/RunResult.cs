using Fos1.Bench.Ncr.Workload;

namespace Fos1.Bench.Ncr.Measuring;

/// <summary>How a run ended: everything landed, nothing landed for the quiet period, or the drain deadline.</summary>
public enum DrainEnd
{
    Complete,
    Quiet,
    Deadline,
}

/// <summary>What one run measured.</summary>
/// <param name="Duration">First NCR sent until the last record was seen landing (SOA serial, 20 ms resolution).</param>
/// <param name="Latencies">NCR sent -> A answerable, in ms, ascending, of the samples that landed.</param>
public sealed record RunResult(
    BenchRun Run,
    SendReport Send,
    LandedRecords Landed,
    TimeSpan Duration,
    DrainEnd End,
    int Samples,
    IReadOnlyList<double> Latencies,
    long ProbeQueries,
    bool TargetAlive,
    IReadOnlyList<string> TargetLog,
    IReadOnlyList<string> DnsServerLog)
{
    public int Lost => Run.Changes - Landed.Both;

    /// <summary>UDP datagrams the kernel dropped for full receive buffers during the run, machine-wide (null: unknown).</summary>
    public long? KernelUdpDrops { get; init; }

    /// <summary>Last NCR sent -> last record landed: the backlog the target still had when the offer ended.</summary>
    public TimeSpan DrainLag { get; init; }

    /// <summary>Hosts with both records per second of <see cref="Duration"/>.</summary>
    public double LandedRate => Landed.Both / Math.Max(Duration.TotalSeconds, 1e-9);

    public double? P50 => Percentile(0.50);

    public double? P99 => Percentile(0.99);

    /// <summary>Nearest-rank percentile.</summary>
    public double? Percentile(double q) =>
        Latencies.Count == 0 ? null : Latencies[Math.Clamp((int)Math.Ceiling(q * Latencies.Count) - 1, 0, Latencies.Count - 1)];
}
