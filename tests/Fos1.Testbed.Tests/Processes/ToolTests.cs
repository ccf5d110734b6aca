using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Tests.Processes;

public sealed class ToolTests
{
    [Fact]
    public void A_missing_tool_names_the_Debian_package_to_install()
    {
        var missing = new Tool("fos1-no-such-daemon", "fos1-no-such-package");

        var error = Assert.Throws<MissingToolException>(() => missing.Path);

        Assert.Equal("'fos1-no-such-daemon' is not installed: run `apt-get install fos1-no-such-package`.", error.Message);
        Assert.False(missing.IsInstalled);
    }

    [Fact]
    public void Every_tool_the_testbed_drives_is_installed()
    {
        Tool[] tools = [Tool.Named, Tool.Dig, Tool.Nsupdate, Tool.KeaDhcp4, Tool.KeaDhcp6, Tool.KeaDhcpDdns, Tool.Perfdhcp, Tool.Ip];

        foreach (var tool in tools)
        {
            Assert.StartsWith("/", tool.Path, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Poll_gives_up_at_the_deadline_saying_what_it_waited_for()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => Poll.UntilAsync(() => false, TimeSpan.FromMilliseconds(200), "the impossible", () => "diagnostics here"));

        Assert.Contains("the impossible", error.Message, StringComparison.Ordinal);
        Assert.Contains("diagnostics here", error.Message, StringComparison.Ordinal);
    }
}
