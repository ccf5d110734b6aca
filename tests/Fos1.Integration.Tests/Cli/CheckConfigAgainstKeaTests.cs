using Fos1.Ctl;

namespace Fos1.Integration.Tests.OperatorCli;

/// <summary>fos1ctl check-config hands Kea's files to the real kea-dhcp4 / kea-dhcp6 / kea-ctrl-agent -t.</summary>
public sealed class CheckConfigAgainstKeaTests
{
    private static string Shipped(string file) => Path.Combine(Testbed.RepositoryRoot.Find(), "kea-config", file);

    [Fact]
    public async Task The_shipped_kea_config_templates_are_accepted()
    {
        var run = await CliRun.RunAsync("check-config", "--kea-only",
            "--kea-config", Shipped("kea-dhcp4.conf"), "--kea-config", Shipped("kea-dhcp6.conf"), "--kea-config", Shipped("kea-ctrl-agent.conf"));

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal($"ok: {Shipped("kea-dhcp4.conf")}\nok: {Shipped("kea-dhcp6.conf")}\nok: {Shipped("kea-ctrl-agent.conf")}\n", run.Output);
    }

    [Fact]
    public async Task A_broken_kea_config_is_refused_with_keas_own_message()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("fos1ctl-").FullName, "kea-dhcp4.conf");
        var template = await File.ReadAllTextAsync(Shipped("kea-dhcp4.conf"));
        await File.WriteAllTextAsync(broken, System.Text.RegularExpressions.Regex.Replace(template, "\"valid-lifetime\": *[0-9]+", "\"valid-lifetime\": \"soon\""));
        try
        {
            var run = await CliRun.RunAsync("check-config", "--kea-only", "--kea-config", Shipped("kea-dhcp4.conf"), "--kea-config", broken);

            Assert.Equal(ExitCodes.BadConfiguration, run.ExitCode);
            Assert.StartsWith($"ok: {Shipped("kea-dhcp4.conf")}\ninvalid: {broken}: kea-dhcp4 -t refused it (exit 1): ", run.Output, StringComparison.Ordinal);
            Assert.Contains("syntax error, unexpected constant string, expecting integer", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(broken)!, recursive: true);
        }
    }
}
