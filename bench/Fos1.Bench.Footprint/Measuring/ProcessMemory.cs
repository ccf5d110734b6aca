using System.Globalization;

namespace Fos1.Bench.Footprint.Measuring;

/// <summary>VmRSS and VmHWM of a process from /proc/PID/status, in MiB.</summary>
public sealed record ProcessMemory(double RssMib, double PeakMib)
{
    public static ProcessMemory Read(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status");
        return new ProcessMemory(Field(lines, "VmRSS:"), Field(lines, "VmHWM:"));
    }

    /// <summary>
    /// The sidecar's own pid. The Testbed runs `dotnet app.dll` (the muxer hosts the runtime in-process), and the
    /// observability endpoint argument is unique to this start, so the process whose command line carries it is the one.
    /// </summary>
    public static int FindByArgument(string argument)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var arguments = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (arguments.Contains(argument, StringComparer.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // Exited while being read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        throw new InvalidOperationException($"no process has the argument {argument}");
    }

    private static double Field(string[] lines, string name)
    {
        var line = lines.First(l => l.StartsWith(name, StringComparison.Ordinal));
        var kib = long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }
}
