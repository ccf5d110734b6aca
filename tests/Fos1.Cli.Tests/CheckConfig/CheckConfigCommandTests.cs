namespace Fos1.Ctl.Tests.CheckConfig;

public sealed class CheckConfigCommandTests
{
    [Fact]
    public async Task A_valid_sidecar_configuration_is_exit_code_0()
    {
        using var config = SidecarConfigFile.Valid(dnsPort: 53);

        var run = await CliRun.RunAsync("check-config", "--config", config.Path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("ok: sidecar configuration\n", run.Output);
    }

    [Fact]
    public async Task Every_problem_is_printed_with_its_key_and_the_exit_code_is_2()
    {
        using var config = SidecarConfigFile.Valid(dnsPort: 70000, keyName: "k2");

        var run = await CliRun.RunAsync("check-config", "--config", config.Path, "--Fos1:MaxInFlight=0", "--Fos1:Reconciliation:Dhcp4ControlSocket=/run/kea/kea4-ctrl-socket");

        Assert.Equal(ExitCodes.BadConfiguration, run.ExitCode);
        Assert.Contains("invalid: DhcpDdns:forward-ddns:ddns-domains:0:key-name 'k2' names no key in tsig-keys\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("invalid: DhcpDdns:forward-ddns:ddns-domains:0:dns-servers:0:port 70000 is outside 1..65535\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("MaxInFlight", run.Output, StringComparison.Ordinal);
        Assert.Contains("invalid: Fos1:Naming:QualifyingSuffix is required when the hook spool, reconciliation or memfile source is on", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_secret_file_is_a_problem_the_validators_alone_would_miss()
    {
        using var config = SidecarConfigFile.WithText("""
            { "DhcpDdns": {
                "tsig-keys": [ { "name": "k1", "algorithm": "HMAC-SHA256", "secret-file": "/nonexistent/tsig-secret" } ],
                "forward-ddns": { "ddns-domains": [ { "name": "home.arpa.", "key-name": "k1", "dns-servers": [ { "ip-address": "127.0.0.1" } ] } ] } } }
            """);

        var run = await CliRun.RunAsync("check-config", "--config", config.Path);

        Assert.Equal(ExitCodes.BadConfiguration, run.ExitCode);
        Assert.StartsWith("invalid: DhcpDdns:tsig-keys: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/tsig-secret", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_or_broken_file_is_exit_code_2()
    {
        using var broken = SidecarConfigFile.WithText("{ \"DhcpDdns\": ");

        var missing = await CliRun.RunAsync("check-config", "--config", "/nonexistent/appsettings.json");
        var notJson = await CliRun.RunAsync("check-config", "--config", broken.Path);

        Assert.Equal(ExitCodes.BadConfiguration, missing.ExitCode);
        Assert.Equal("fos1ctl: --config /nonexistent/appsettings.json: no such file\n", missing.Error);
        Assert.Equal(ExitCodes.BadConfiguration, notJson.ExitCode);
        Assert.Contains(broken.Path, notJson.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_no_kea_configuration_is_refused_without_asking_kea()
    {
        using var file = SidecarConfigFile.WithText("{ \"Logging\": {} }");

        var run = await CliRun.RunAsync("check-config", "--kea-only", "--kea-config", file.Path);

        Assert.Equal(ExitCodes.BadConfiguration, run.ExitCode);
        Assert.Equal($"invalid: {file.Path}: no Dhcp4, Dhcp6, Control-agent or DhcpDdns object: not a Kea configuration\n", run.Output);
    }

    [Theory]
    [InlineData("{ \"Dhcp4\": { } }", "kea-dhcp4")]
    [InlineData("// comment\n{\n  \"Dhcp6\" : {", "kea-dhcp6")]
    [InlineData("{ \"Control-agent\": {", "kea-ctrl-agent")]
    [InlineData("{ \"DhcpDdns\": {", "kea-dhcp-ddns")]
    public void The_daemon_is_chosen_by_the_files_top_level_object(string text, string daemon) =>
        Assert.Equal(daemon, Fos1.Ctl.CheckConfig.KeaConfigTest.DaemonFor(text));
}
