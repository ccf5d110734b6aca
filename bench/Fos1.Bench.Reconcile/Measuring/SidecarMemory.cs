using System.Globalization;

namespace Fos1.Bench.Reconcile.Measuring;

/// <summary>VmRSS and VmHWM (peak RSS since start) of a process from /proc/PID/status, in MiB.</summary>
public sealed record SidecarMemory(double RssMib, double PeakMib)
{
    /// <param name="pid">The Testbed's sidecar process: `dotnet app.dll` hosts the runtime in-process, so it is the sidecar.</param>
    public static SidecarMemory Read(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status");
        return new SidecarMemory(Mib(lines, "VmRSS:"), Mib(lines, "VmHWM:"));
    }

    private static double Mib(string[] lines, string field)
    {
        var line = lines.First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}
