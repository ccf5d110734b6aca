using System.Globalization;

namespace Fos1.Bench.Footprint.Measuring;

/// <summary>
/// CPU time a process has used (user + system, /proc/PID/stat fields 14 and 15). Read at ready, it is the start-up
/// cost that does not grow with the machine's load, unlike the wall-clock time to ready (10 ms resolution).
/// </summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static double ReadMs(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");

        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / TicksPerSecond * 1000;
    }
}
