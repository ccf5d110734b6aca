namespace Fos1.Ctl.Tests.Dhcid;

/// <summary>The vectors are the ones tests/Fos1.Ddns.Tests/Owners/ClientIdentityTests.cs proves (RFC 4701 section 3.6, real Kea 2.2).</summary>
public sealed class DhcidCommandTests
{
    [Fact]
    public async Task A_hardware_address_gives_the_rfc_4701_dhcid_in_base64_and_hex()
    {
        var run = await CliRun.RunAsync("dhcid", "--hw-address", "01:02:03:04:05:06", "--fqdn", "client.example.com");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "identifier: HardwareAddress 01:01:02:03:04:05:06\n" +
            "fqdn:       client.example.com.\n" +
            "dhcid:      AAABxLmlskllE0MVjd57zHcWmEH3pCQ6VytcKD//7es/deY=\n" +
            "hex:        " + Convert.ToHexString(Convert.FromBase64String("AAABxLmlskllE0MVjd57zHcWmEH3pCQ6VytcKD//7es/deY=")) + "\n" +
            "record:     client.example.com. IN DHCID AAABxLmlskllE0MVjd57zHcWmEH3pCQ6VytcKD//7es/deY=\n",
            run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task A_duid_gives_the_rfc_4701_dhcid()
    {
        var run = await CliRun.RunAsync("dhcid", "--duid", "00:01:00:06:41:2d:f1:66:01:02:03:04:05:06", "--fqdn", "chi6.example.com");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("dhcid:      AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_identifier_gives_the_rfc_4701_dhcid()
    {
        var run = await CliRun.RunAsync("dhcid", "--client-id", "01:07:08:09:0a:0b:0c", "--fqdn", "chi.example.com");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("dhcid:      AAEBOSD+XR3Os/0LozeXVqcNc7FwCfQdWL3b/NaiUDlW2No=\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kea_dhcp4_client_identifier_gives_the_hex_dhcid_kea_put_in_its_name_change_request()
    {
        var run = await CliRun.RunAsync("dhcid", "--client-id", "01000c01020304", "--fqdn", "host-192-0-2-100.home.arpa.");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("hex:        000101002DF65F801CB20551709905A87EB537D5181922C85118BF0B0FCAB455C5F237\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_rfc_4361_client_identifier_is_owned_by_its_embedded_duid_like_kea_does()
    {
        var overV4 = await CliRun.RunAsync("dhcid", "--client-id", "ff:00:00:00:01:00:01:00:01:aa:bb:cc:dd:ee:11:22:33", "--fqdn", "mixedcase.home.arpa");
        var overV6 = await CliRun.RunAsync("dhcid", "--duid", "00:01:00:01:aa:bb:cc:dd:ee:11:22:33", "--fqdn", "mixedcase.home.arpa");

        Assert.Equal(0, overV4.ExitCode);
        Assert.StartsWith("identifier: Duid 00:01:00:01:aa:bb:cc:dd:ee:11:22:33\n", overV4.Output, StringComparison.Ordinal);
        Assert.Equal(overV6.Output, overV4.Output);
    }

    [Theory]
    [InlineData("--hw-address", "01:02:03:04:05:06", "--duid", "00:01", "give exactly one of --hw-address, --client-id, --duid")]
    [InlineData("--hw-address", "01:02:zz", "--fqdn", "a.home.arpa", "--hw-address '01:02:zz' is not hex octets (aa:bb:cc or aabbcc)")]
    [InlineData("--duid", "00:01", "--fqdn", "a..home.arpa", "--fqdn 'a..home.arpa' is not a host name")]
    public async Task Bad_input_is_exit_code_2_with_the_reason(string option1, string value1, string option2, string value2, string message)
    {
        string[] args = option2 == "--fqdn" ? ["dhcid", option1, value1, option2, value2] : ["dhcid", option1, value1, option2, value2, "--fqdn", "a.home.arpa"];

        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.BadConfiguration, run.ExitCode);
        Assert.StartsWith("fos1ctl: " + message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_missing_fqdn_is_a_usage_error_with_exit_code_2()
    {
        var run = await CliRun.RunAsync("dhcid", "--duid", "00:01:00:01");

        Assert.Equal(ExitCodes.BadConfiguration, run.ExitCode);
        Assert.Contains("--fqdn", run.Error, StringComparison.Ordinal);
    }
}
