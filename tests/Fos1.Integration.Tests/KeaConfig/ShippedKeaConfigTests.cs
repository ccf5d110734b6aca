using CliWrap;
using CliWrap.Buffered;
using Fos1.Testbed.Processes;

namespace Fos1.Integration.Tests.KeaConfig;

/// <summary>The files in kea-config/ are what users start from: the real Kea must accept them as shipped.</summary>
public sealed class ShippedKeaConfigTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "kea-dhcp4", "kea-dhcp4.conf" },
        { "kea-dhcp6", "kea-dhcp6.conf" },
        { "kea-ctrl-agent", "kea-ctrl-agent.conf" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Kea_accepts_the_shipped_configuration_with_its_hooks(string daemon, string file)
    {
        var tool = daemon switch
        {
            "kea-dhcp4" => Tool.KeaDhcp4,
            "kea-dhcp6" => Tool.KeaDhcp6,
            _ => new Tool("kea-ctrl-agent", "kea-ctrl-agent"),
        };
        var path = Path.Combine(Testbed.RepositoryRoot.Find(), "kea-config", file);

        var result = await Cli.Wrap(tool.Path).WithArguments(["-t", path]).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();

        Assert.True(result.ExitCode == 0, $"{daemon} -t {path} exited {result.ExitCode}:{Environment.NewLine}{result.StandardOutput}{result.StandardError}");
        if (daemon != "kea-ctrl-agent")
        {
            Assert.Contains("libdhcp_lease_cmds.so", result.StandardOutput, StringComparison.Ordinal);
        }
    }
}
