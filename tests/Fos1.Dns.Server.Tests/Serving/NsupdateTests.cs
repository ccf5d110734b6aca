using System.Net;
using CliWrap;
using CliWrap.Buffered;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Processes;
using Fos1.Zones.Records;

namespace Fos1.Dns.Server.Tests.Serving;

/// <summary>BIND's nsupdate (package bind9-dnsutils) as the client.</summary>
public sealed class NsupdateTests
{
    private static Task<BufferedCommandResult> Send(RunningServer server, IEnumerable<string> commands, Fos1.Testbed.Dns.TsigKey? key = null) =>
        Nsupdate.SendAsync(server.EndPoint, key ?? Sample.NsupdateKey, "home.arpa", commands);

    private static Task<BufferedCommandResult> RunScript(string script, params string[] arguments) =>
        ToolRun.RunAsync(Cli.Wrap(Tool.Nsupdate.Path).WithArguments(arguments).WithStandardInputPipe(PipeSource.FromString(script)));

    [Fact]
    public async Task Added_records_are_in_the_zone_and_a_delete_removes_them()
    {
        await using var server = RunningServer.Start();

        var add = await Send(server, ["update add host.home.arpa. 300 A 192.0.2.7", "update add host.home.arpa. 300 TXT \"owner\""]);

        Assert.True(add.ExitCode == 0, add.StandardError);
        var a = server.Home.Find(DnsName.Parse("host.home.arpa"), DnsType.A)!;
        Assert.Equal((300u, IPAddress.Parse("192.0.2.7")), (a.Ttl, Assert.Single(a.Data).ToAddress()));
        Assert.NotNull(server.Home.Find(DnsName.Parse("host.home.arpa"), DnsType.Txt));
        Assert.Equal(101u, server.Home.Serial);

        var delete = await Send(server, ["update delete host.home.arpa. A"]);

        Assert.True(delete.ExitCode == 0, delete.StandardError);
        Assert.Null(server.Home.Find(DnsName.Parse("host.home.arpa"), DnsType.A));
        Assert.Equal(102u, server.Home.Serial);
    }

    [Fact]
    public async Task A_failed_prerequisite_is_reported_and_nothing_is_applied()
    {
        await using var server = RunningServer.Start();

        var result = await Send(server, ["prereq yxdomain nobody.home.arpa.", "update add host.home.arpa. 300 A 192.0.2.7"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("NXDOMAIN", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(100u, server.Home.Serial);
    }

    [Fact]
    public async Task A_wrong_secret_is_reported_as_badsig_and_nothing_is_applied()
    {
        await using var server = RunningServer.Start();
        var wrong = Sample.NsupdateKey with { Secret = Fos1.Testbed.Dns.TsigKey.GenerateSecret() };

        var result = await Send(server, ["update add host.home.arpa. 300 A 192.0.2.7"], wrong);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("BADSIG", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(100u, server.Home.Serial);
        Assert.Equal(0, server.Store.CommitCount);
    }

    [Fact]
    public async Task An_unsigned_update_is_refused()
    {
        await using var server = RunningServer.Start();
        var script = $"server 127.0.0.1 {server.EndPoint.Port}\nzone home.arpa\nupdate add host.home.arpa. 300 A 192.0.2.7\nsend\n";

        var result = await RunScript(script, "-t", "5");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("REFUSED", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, server.Store.CommitCount);
    }

    [Fact]
    public async Task Updates_over_tcp_are_applied_too()
    {
        await using var server = RunningServer.Start();
        var script = $"server 127.0.0.1 {server.EndPoint.Port}\nzone 2.0.192.in-addr.arpa\n"
            + "update add 7.2.0.192.in-addr.arpa. 300 PTR host.home.arpa.\nsend\n"
            + "update add 8.2.0.192.in-addr.arpa. 300 PTR other.home.arpa.\nsend\n";

        var result = await RunScript(script, "-v", "-t", "5", "-y", Sample.NsupdateKey.CommandLineForm);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var ptr = server.Reverse.Find(DnsName.Parse("7.2.0.192.in-addr.arpa"), DnsType.Ptr)!;
        Assert.Equal(DnsName.Parse("host.home.arpa"), Assert.Single(ptr.Data).ToTargetName());
        Assert.NotNull(server.Reverse.Find(DnsName.Parse("8.2.0.192.in-addr.arpa"), DnsType.Ptr));
    }

    [Fact]
    public async Task Without_a_zone_line_nsupdate_finds_the_zone_through_an_soa_query()
    {
        await using var server = RunningServer.Start();
        var script = $"server 127.0.0.1 {server.EndPoint.Port}\nupdate add host.home.arpa. 300 A 192.0.2.9\nsend\n";

        var result = await RunScript(script, "-t", "5", "-y", Sample.NsupdateKey.CommandLineForm);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.NotNull(server.Home.Find(DnsName.Parse("host.home.arpa"), DnsType.A));
    }
}
