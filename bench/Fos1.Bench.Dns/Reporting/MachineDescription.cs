using System.Runtime.InteropServices;
using CliWrap;
using Fos1.Testbed.Processes;

namespace Fos1.Bench.Dns.Reporting;

/// <summary>What the numbers were measured on: cores, CPU model, memory, OS, BIND's version and the load.</summary>
public static class MachineDescription
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(CancellationToken cancellationToken)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))
            ?.Split(':', 2)[1].Trim() ?? "unknown";
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(line => line.StartsWith("MemTotal:", StringComparison.Ordinal))
            ?.Split(':', 2)[1].Trim() ?? "unknown";
        var memoryGib = long.TryParse(memory.Split(' ')[0], out var kib) ? $"{kib / 1024.0 / 1024.0:0.0} GiB" : memory;
        var named = await ToolRun.RunAsync(Cli.Wrap(Tool.Named.Path).WithArguments(["-v"]), cancellationToken);
        return
        [
            $"nproc: {Environment.ProcessorCount}",
            $"CPU: {cpu}",
            $"memory: {memoryGib}",
            $"OS: {RuntimeInformation.OSDescription}, .NET {Environment.Version}",
            $"BIND: {(named.StandardOutput + named.StandardError).Trim().Split('\n')[0]} (Testbed BindServer: named -g -n 1)",
            $"load average at the start (1, 5, 15 min): {LoadAverage()}",
        ];
    }

    public static string LoadAverage() => string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
