using Fos1.Corefile;
using Fos1.Corefile.Model;
using Fos1.Integration.Tests.Infrastructure;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Sidecars;

namespace Fos1.Integration.Tests.DnsSidecar;

/// <summary>
/// The real dns sidecar process writes the Corefile stock CoreDNS loads with its reload plugin. CoreDNS
/// itself cannot be installed here (no Debian package, no downloads), so the tests check the file the
/// sidecar leaves for it, byte for byte, and that a restart does not touch an unchanged file (reload
/// watches its checksum).
/// </summary>
public sealed class CorefileTests
{
    private const string Upstream = "127.0.0.53";

    private static readonly string[] Zones = [DnsStack.ForwardZone, DnsStack.ReverseZone4];

    [Fact]
    public async Task The_sidecar_writes_the_Corefile_for_CoreDNS_not_run_here_and_a_restart_leaves_an_unchanged_file_untouched()
    {
        Assert.Equal("2.0.192.in-addr.arpa", DnsStack.ReverseZone4);
        await using var dns = await DnsSidecarProcess.StartAsync(Zones, TsigKey.Generate(), extraArguments:
        [
            "--DnsSidecar:Corefile:Path={directory}/coredns/Corefile",
            $"--DnsSidecar:Corefile:Upstreams:0={Upstream}",
            "--DnsSidecar:Zones:1:PublishMode=File",
        ]);
        var corefile = Path.Combine(dns.WorkingDirectory, "coredns", "Corefile");
        Assert.True(File.Exists(corefile), "no Corefile once the sidecar serves: " + dns.RecentOutput);

        var zoneFile = Path.Combine(dns.PublishDirectory, "2.0.192.in-addr.arpa.zone");
        var expected = new CorefileRenderer().Render(new CorefileSpec
        {
            Upstreams = [Upstream],
            Zones =
            [
                ZoneBlock.Grpc("home.arpa", dns.GrpcEndpoint.ToString()),
                ZoneBlock.File("2.0.192.in-addr.arpa", zoneFile, TimeSpan.FromSeconds(30)),
            ],
        });
        var written = await File.ReadAllTextAsync(corefile);
        Assert.Equal(expected, written);
        var lines = written.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains($"grpc . 127.0.0.1:{dns.GrpcEndpoint.Port}", lines);
        Assert.Contains($"file {zoneFile} {{", lines);
        Assert.Contains($"forward . {Upstream}", lines);
        Assert.Contains("reload 30s", lines);
        Assert.Contains("home.arpa:53 {", lines);
        Assert.Contains("2.0.192.in-addr.arpa:53 {", lines);
        Assert.Equal(zoneFile, Path.GetFullPath(zoneFile));

        var writtenAt = File.GetLastWriteTimeUtc(corefile);
        await dns.RestartAsync();

        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(corefile));
        Assert.Equal(expected, await File.ReadAllTextAsync(corefile));
        Assert.Equal(["Corefile"], Directory.GetFiles(Path.GetDirectoryName(corefile)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_Corefile_that_differs_from_the_rendered_one_is_replaced_at_start_up()
    {
        await using var dns = await DnsSidecarProcess.StartAsync(Zones, TsigKey.Generate(), extraArguments:
        [
            "--DnsSidecar:Corefile:Path={directory}/Corefile",
            "--DnsSidecar:Corefile:IncludeRoot=false",
            "--DnsSidecar:Zones:0:PublishMode=Secondary",
        ]);
        var corefile = Path.Combine(dns.WorkingDirectory, "Corefile");
        var expected = await File.ReadAllTextAsync(corefile);
        Assert.Contains($"transfer from {dns.UpdateEndpoint}", expected.Split('\n').Select(l => l.Trim()));

        await File.WriteAllTextAsync(corefile, "stale {\n}\n");
        await dns.RestartAsync();

        Assert.Equal(expected, await File.ReadAllTextAsync(corefile));
    }

    [Fact]
    public async Task A_Corefile_setting_CoreDNS_would_refuse_stops_the_sidecar_with_exit_code_2_naming_the_key()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => DnsSidecarProcess.StartAsync(Zones, TsigKey.Generate(),
            extraArguments:
            [
                "--DnsSidecar:Corefile:Path={directory}/Corefile",
                $"--DnsSidecar:Corefile:Upstreams:0={Upstream}",
                "--DnsSidecar:Corefile:ReloadSeconds=1",
            ]));

        Assert.Contains("exited with 2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("DnsSidecar:Corefile:ReloadSeconds: must be whole seconds and at least 2 s", failure.Message, StringComparison.Ordinal);
    }
}
