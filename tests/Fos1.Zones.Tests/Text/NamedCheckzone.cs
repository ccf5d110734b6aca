using CliWrap;
using Fos1.Ddns;
using Fos1.Testbed.Processes;

namespace Fos1.Zones.Tests.Text;

/// <summary>BIND's own zone checker, the judge of every zone file we write.</summary>
internal static class NamedCheckzone
{
    private static readonly Tool Tool = new("named-checkzone", "bind9-utils");

    /// <summary>Asserts that named-checkzone accepts <paramref name="text"/> as zone <paramref name="origin"/>, with check-names failures fatal.</summary>
    public static async Task AssertAcceptsAsync(string text, DnsName origin)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fos1-zone-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(path, text);
        try
        {
            var result = await ToolRun.RunAsync(Cli.Wrap(Tool.Path).WithArguments(["-k", "fail", "-i", "full", origin.ToString(), path]));
            Assert.True(result.ExitCode == 0, $"named-checkzone rejected the zone:\n{result.StandardOutput}{result.StandardError}\n--- zone ---\n{text}");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
