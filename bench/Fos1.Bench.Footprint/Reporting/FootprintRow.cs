using Fos1.Bench.Footprint.Measuring;

namespace Fos1.Bench.Footprint.Reporting;

/// <summary>One variant's figures: every start's time to ready, and the memory of its last start.</summary>
public sealed record FootprintRow(
    string Sidecar, IReadOnlyList<double> ReadyMs, IReadOnlyList<double> ReadyCpuMs, ProcessMemory AtReady, ProcessMemory Idle, string Load, ProcessMemory? Loaded)
{
    public double Min => ReadyMs.Min();

    public double Median => ReadyMs.Order().ElementAt(ReadyMs.Count / 2);

    public double Max => ReadyMs.Max();

    /// <summary>CPU time (user + system) the sidecar had used when it became ready, median over the starts.</summary>
    public double CpuMedian => ReadyCpuMs.Order().ElementAt(ReadyCpuMs.Count / 2);

    public double Peak => Math.Max(Idle.PeakMib, Loaded?.PeakMib ?? 0);
}
