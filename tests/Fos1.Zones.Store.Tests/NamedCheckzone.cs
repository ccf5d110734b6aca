using CliWrap;
using Fos1.Testbed.Processes;

namespace Fos1.Zones.Store.Tests;

/// <summary>BIND's own zone checker, the judge of every zone file we write.</summary>
internal static class NamedCheckzone
{
    private static readonly Tool Tool = new("named-checkzone", "bind9-utils");

    public static async Task AssertAcceptsAsync(string path, DnsName origin)
    {
        var result = await ToolRun.RunAsync(Cli.Wrap(Tool.Path).WithArguments(["-k", "fail", "-i", "full", origin.ToString(), path]));
        Assert.True(result.ExitCode == 0,
            $"named-checkzone rejected {path}:\n{result.StandardOutput}{result.StandardError}\n--- zone ---\n{await File.ReadAllTextAsync(path)}");
    }
}
