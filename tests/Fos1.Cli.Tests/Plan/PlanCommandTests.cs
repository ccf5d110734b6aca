namespace Fos1.Ctl.Tests.Plan;

public sealed class PlanCommandTests
{
    [Fact]
    public async Task Without_a_control_channel_there_is_nothing_to_plan_and_the_exit_code_is_2()
    {
        using var config = SidecarConfigFile.Valid(dnsPort: 53);

        var run = await CliRun.RunAsync("plan", "--config", config.Path);

        Assert.Equal(ExitCodes.BadConfiguration, run.ExitCode);
        Assert.Contains("Fos1:Reconciliation:Dhcp4ControlSocket, Dhcp6ControlSocket or ControlAgentUrl is required", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_configuration_is_exit_code_2_naming_the_key()
    {
        using var config = SidecarConfigFile.Valid(dnsPort: 53, keyName: "nokey");

        var run = await CliRun.RunAsync("plan", "--config", config.Path, "--Fos1:Reconciliation:Dhcp4ControlSocket=/nonexistent", "--Fos1:Naming:QualifyingSuffix=home.arpa.");

        Assert.Equal(ExitCodes.BadConfiguration, run.ExitCode);
        Assert.Contains("invalid: DhcpDdns:forward-ddns:ddns-domains:0:key-name 'nokey' names no key in tsig-keys", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_dns_server_is_exit_code_3_and_nothing_is_planned()
    {
        using var config = SidecarConfigFile.Valid(dnsPort: StubSidecarEndpoint.FreeTcpPort());

        var run = await CliRun.RunAsync("plan", "--config", config.Path, "--Fos1:Reconciliation:Dhcp4ControlSocket=/nonexistent/kea4.sock", "--Fos1:Naming:QualifyingSuffix=home.arpa.");

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.StartsWith("fos1ctl: nothing planned, a source could not be read: ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_stray_argument_is_exit_code_2()
    {
        using var config = SidecarConfigFile.Valid(dnsPort: 53);

        var run = await CliRun.RunAsync("plan", "--config", config.Path, "--jsn");

        Assert.Equal(ExitCodes.BadConfiguration, run.ExitCode);
        Assert.Equal("fos1ctl: '--jsn' is neither an option nor a --Section:Key=value setting\n", run.Error);
    }
}
