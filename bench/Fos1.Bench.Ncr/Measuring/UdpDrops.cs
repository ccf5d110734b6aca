using System.Globalization;

namespace Fos1.Bench.Ncr.Measuring;

/// <summary>
/// The kernel's count of UDP datagrams dropped because a socket's receive buffer was full
/// (<c>RcvbufErrors</c> in /proc/net/snmp). Machine-wide, so other processes' drops count too: a
/// difference of zero over a run proves no NCR (nor UPDATE answer) was dropped on arrival.
/// </summary>
public static class UdpDrops
{
    /// <summary>The counter now, or null where /proc/net/snmp does not say.</summary>
    public static long? Read()
    {
        try
        {
            var lines = File.ReadAllLines("/proc/net/snmp").Where(line => line.StartsWith("Udp:", StringComparison.Ordinal)).ToList();
            if (lines.Count < 2)
            {
                return null;
            }

            var names = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var values = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var at = Array.IndexOf(names, "RcvbufErrors");
            return at > 0 && at < values.Length && long.TryParse(values[at], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? count
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
