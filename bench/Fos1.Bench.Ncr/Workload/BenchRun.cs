using System.Globalization;
using System.Net;

namespace Fos1.Bench.Ncr.Workload;

/// <summary>
/// One (target, rate) run. Each run owns a fresh forward zone <c>r{Index}.home.arpa</c> and reverse zone
/// <c>{Index}.10.in-addr.arpa</c>, so runs never see each other's names and every zone transfer counts one run.
/// </summary>
public sealed record BenchRun(int Index, string Target, int Rate, int Changes)
{
    public const int MaxRuns = 255;

    public string ForwardZone => string.Create(CultureInfo.InvariantCulture, $"r{Index}.home.arpa");

    public string ReverseZone => string.Create(CultureInfo.InvariantCulture, $"{Index}.10.in-addr.arpa");

    /// <summary>host-<paramref name="i"/> in this run's forward zone, without the trailing dot.</summary>
    public string HostName(int i) => string.Create(CultureInfo.InvariantCulture, $"host-{i}.{ForwardZone}");

    /// <summary>10.{Index}.hi.lo: only DNS data, nothing is ever sent there.</summary>
    public IPAddress Address(int i) => new([10, (byte)Index, (byte)(i >> 8), (byte)i]);

    /// <summary>The index of a host name of this run, or -1.</summary>
    public int IndexOfHostName(string name)
    {
        var text = name.TrimEnd('.');
        var suffix = "." + ForwardZone;
        if (!text.StartsWith("host-", StringComparison.OrdinalIgnoreCase) || !text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        return int.TryParse(text.AsSpan(5, text.Length - 5 - suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < Changes
            ? i
            : -1;
    }

    /// <summary>The index whose address has the reverse owner name <paramref name="name"/> (d.c.Index.10.in-addr.arpa), or -1.</summary>
    public int IndexOfReverseName(string name)
    {
        var labels = name.TrimEnd('.').Split('.');
        if (labels.Length != 6 || !string.Equals(string.Join('.', labels[2..]), ReverseZone, StringComparison.OrdinalIgnoreCase)
            || !byte.TryParse(labels[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            || !byte.TryParse(labels[1], NumberStyles.None, CultureInfo.InvariantCulture, out var high))
        {
            return -1;
        }

        var i = (high << 8) | low;
        return i < Changes ? i : -1;
    }
}
