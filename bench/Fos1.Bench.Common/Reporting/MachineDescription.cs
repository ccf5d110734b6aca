using System.Runtime.InteropServices;
using CliWrap;
using Fos1.Testbed.Processes;

namespace Fos1.Bench.Common.Reporting;

/// <summary>What the numbers were measured on: cores, CPU model, memory, OS and the daemons' versions.</summary>
public static class MachineDescription
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(CancellationToken cancellationToken)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))
            ?.Split(':', 2)[1].Trim() ?? "unknown";
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(line => line.StartsWith("MemTotal:", StringComparison.Ordinal))
            ?.Split(':', 2)[1].Trim() ?? "unknown";
        var memoryGib = long.TryParse(memory.Split(' ')[0], out var kib) ? $"{kib / 1024.0 / 1024.0:0.0} GiB" : memory;
        return
        [
            $"nproc: {Environment.ProcessorCount}",
            $"CPU: {cpu}",
            $"memory: {memoryGib}",
            $"OS: {RuntimeInformation.OSDescription}, .NET {Environment.Version}",
            $"BIND: {await VersionAsync(Tool.Named, "-v", cancellationToken)} (Testbed BindServer: named -g -n 1)",
            $"Kea D2: kea-dhcp-ddns {await VersionAsync(Tool.KeaDhcpDdns, "-v", cancellationToken)}",
            $"load average at the start (1, 5, 15 min): {LoadAverage()}",
        ];
    }

    /// <summary>Prints <see cref="DescribeAsync"/> as a markdown list and returns it.</summary>
    public static async Task<IReadOnlyList<string>> PrintAsync(CancellationToken cancellationToken)
    {
        var lines = await DescribeAsync(cancellationToken).ConfigureAwait(false);
        foreach (var line in lines)
        {
            Console.WriteLine($"- {line}");
        }

        return lines;
    }

    /// <summary>The 1, 5 and 15 minute load averages: anything else running on the cores skews every number here.</summary>
    public static string LoadAverage() => string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static async Task<string> VersionAsync(Tool tool, string flag, CancellationToken cancellationToken)
    {
        if (!tool.IsInstalled)
        {
            return $"not installed (apt-get install {tool.DebianPackage})";
        }

        var result = await ToolRun.RunAsync(Cli.Wrap(tool.Path).WithArguments([flag]), cancellationToken);
        return (result.StandardOutput + result.StandardError).Trim().Split('\n')[0];
    }
}
