using System.Text.Json.Nodes;
using Fos1.Crds.Dhcp;
using Fos1.Kea.Configuration;
using Fos1.Kea.Configuration.Applying;
using Fos1.Kea.Configuration.Rendering;
using Fos1.Kea.Configuration.Status;
using Fos1.Kea.ControlSocket;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Processes;
using k8s.Models;

namespace Fos1.Integration.Tests.KeaConfig;

/// <summary>DHCPv4Service / DHCPv6Service -> rendered config -> config-test/config-set/config-write on real kea-dhcp4 and kea-dhcp6 2.2.</summary>
public sealed class KeaConfigApplyTests
{
    private static readonly DateTime Created = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_valid_v4_change_is_applied_written_and_still_there_after_kea_restarts_from_its_file()
    {
        await using var lab = await KeaConfigLab.StartAsync(4, (template, options) => KeaDhcp4ConfigRenderer.Render([Lan4(1)], template, options));
        var changed = new[] { Lan4(2, withReservation: true), Iot4() };
        var rendering = KeaDhcp4ConfigRenderer.Render(changed, lab.Template, lab.Options);

        var result = await lab.Applier.ApplyAsync(rendering.Config, CancellationToken.None);
        var again = await lab.Applier.ApplyAsync(rendering.Config, CancellationToken.None);

        var applied = Assert.IsType<ApplyResult.Applied>(result);
        Assert.Equal((rendering.ConfigHash, false, lab.Kea.ConfigPath, (string?)null), (applied.ConfigHash, applied.Unchanged, applied.WrittenTo, applied.WriteFailure));
        Assert.True(((ApplyResult.Applied)again).Unchanged, "a repeat apply of the same rendering is skipped");
        await AssertV4ChangeRunsAsync(lab, rendering, lab.Channel);

        Assert.Equal(KeaCommandResult.Success, (await lab.Kea.SendCommandAsync("shutdown")).Result);
        await Poll.UntilAsync(() => !lab.Kea.IsRunning, TimeSpan.FromSeconds(10), "kea-dhcp4 to shut down", () => lab.Kea.RecentOutput);
        await using var restarted = await KeaDhcpRestart.StartAsync(lab.Kea, lab.Lab);

        await AssertV4ChangeRunsAsync(lab, rendering, new KeaUnixSocketChannel(lab.Kea.ControlSocketPath));
    }

    [Fact]
    public async Task A_v4_option_only_kea_can_judge_is_rejected_kea_keeps_its_config_and_the_status_carries_keas_message()
    {
        await using var lab = await KeaConfigLab.StartAsync(4, (template, options) => KeaDhcp4ConfigRenderer.Render([Lan4(1)], template, options));
        var good = KeaDhcp4ConfigRenderer.Render([Lan4(1)], lab.Template, lab.Options);
        Assert.IsType<ApplyResult.Applied>(await lab.Applier.ApplyAsync(good.Config, CancellationToken.None));
        var runningBefore = KeaConfigHash.Compute(await lab.RunningAsync());
        var fileBefore = await File.ReadAllTextAsync(lab.Kea.ConfigPath);
        var goodStatus = DhcpServiceStatusMapper.Map(good.Outcomes[0], new ApplyResult.Applied(good.ConfigHash, false, null), null, DateTimeOffset.UnixEpoch);
        var broken = Lan4(2);
        broken.Spec = broken.Spec! with
        {
            Options = [new DhcpOption { Name = "routers", Data = "not-an-address" }],
        };

        var rendering = KeaDhcp4ConfigRenderer.Render([broken], lab.Template, lab.Options);
        var result = await lab.Applier.ApplyAsync(rendering.Config, CancellationToken.None);
        var status = DhcpServiceStatusMapper.Map(rendering.Outcomes[0], result, goodStatus, DateTimeOffset.UnixEpoch.AddHours(1));

        Assert.Equal(ServiceOutcomeKind.Included, rendering.Outcomes[0].Kind);
        var rejected = Assert.IsType<ApplyResult.Rejected>(result);
        Assert.Equal("config-test", rejected.Command);
        Assert.Contains("Failed to convert string to address 'not-an-address'", rejected.KeaMessage, StringComparison.Ordinal);
        Assert.Equal(runningBefore, KeaConfigHash.Compute(await lab.RunningAsync()));
        Assert.Equal(fileBefore, await File.ReadAllTextAsync(lab.Kea.ConfigPath));
        var ready = status.Conditions.Single(c => c.Type == DhcpServiceStatusMapper.Ready);
        Assert.Equal(("False", "Rejected", 2L), (ready.Status, ready.Reason, status.ObservedGeneration!.Value));
        Assert.Equal("Kea refused the configuration in config-test: " + rejected.KeaMessage, ready.Message);
        Assert.Equal((1L, good.ConfigHash), (status.AppliedGeneration!.Value, status.ConfigHash));
    }

    [Fact]
    public async Task V6_changes_are_applied_with_pd_pools_and_reservations_bad_option_data_is_rejected_and_a_restart_keeps_the_written_config()
    {
        await using var lab = await KeaConfigLab.StartAsync(6, (template, options) => KeaDhcp6ConfigRenderer.Render([Home6(1, full: false)], template, options));
        var rendering = KeaDhcp6ConfigRenderer.Render([Home6(2, full: true)], lab.Template, lab.Options);

        Assert.IsType<ApplyResult.Applied>(await lab.Applier.ApplyAsync(rendering.Config, CancellationToken.None));
        await AssertV6ChangeRunsAsync(lab, lab.Channel);

        var broken = Home6(3, full: true);
        broken.Spec = broken.Spec! with { Options = [new DhcpOption { Name = "dns-servers", Data = "192.0.2.1" }] };
        var rejected = await lab.Applier.ApplyAsync(KeaDhcp6ConfigRenderer.Render([broken], lab.Template, lab.Options).Config, CancellationToken.None);

        Assert.Equal("config-test", Assert.IsType<ApplyResult.Rejected>(rejected).Command);
        Assert.Contains("option data does not match option definition (space: dhcp6, code: 23)", ((ApplyResult.Rejected)rejected).KeaMessage, StringComparison.Ordinal);
        await AssertV6ChangeRunsAsync(lab, lab.Channel);

        Assert.Equal(KeaCommandResult.Success, (await lab.Kea.SendCommandAsync("shutdown")).Result);
        await Poll.UntilAsync(() => !lab.Kea.IsRunning, TimeSpan.FromSeconds(10), "kea-dhcp6 to shut down", () => lab.Kea.RecentOutput);
        await using var restarted = await KeaDhcpRestart.StartAsync(lab.Kea, lab.Lab);

        await AssertV6ChangeRunsAsync(lab, new KeaUnixSocketChannel(lab.Kea.ControlSocketPath));
    }

    private static async Task AssertV4ChangeRunsAsync(KeaConfigLab lab, KeaConfigRendering rendering, IKeaControlChannel channel)
    {
        var subnets = await lab.RunningSubnetsAsync(channel);
        Assert.Equal(["10.20.0.0/24", "192.0.2.0/24"], subnets.Keys.Order(StringComparer.Ordinal));
        var lan = subnets["192.0.2.0/24"];
        Assert.Equal(rendering.OutcomeOf("default", "lan")!.SubnetIds[0], (uint)lan["id"]!);
        Assert.Equal("192.0.2.100-192.0.2.200", (string)lan["pools"]![0]!["pool"]!);
        Assert.Equal(
            """{"hw-address":"aa:bb:cc:dd:ee:01","ip-address":"192.0.2.20","hostname":"printer"}""",
            Pick(lan["reservations"]![0]!.AsObject(), "hw-address", "ip-address", "hostname"));
        Assert.Equal((true, "home.arpa.", 7200), ((bool)lan["ddns-send-updates"]!, (string)lan["ddns-qualifying-suffix"]!, (int)lan["valid-lifetime"]!));
        Assert.Equal("10.20.0.10-10.20.0.50", (string)subnets["10.20.0.0/24"]["pools"]![0]!["pool"]!);
        var running = await lab.RunningAsync(channel);
        Assert.Equal(["libdhcp_run_script.so", "libdhcp_lease_cmds.so"], running["hooks-libraries"]!.AsArray().Select(h => Path.GetFileName((string)h!["library"]!)));
        Assert.True((bool)running["dhcp-ddns"]!["enable-updates"]!);
    }

    private static async Task AssertV6ChangeRunsAsync(KeaConfigLab lab, IKeaControlChannel channel)
    {
        var subnet = (await lab.RunningSubnetsAsync(channel))["2001:db8:1::/64"];
        Assert.Equal(lab.Lab.ServerInterface, (string)subnet["interface"]!);
        // Kea 2.2 shows a range that is a whole prefix in prefix form.
        Assert.Equal("2001:db8:1::100/120", (string)subnet["pools"]![0]!["pool"]!);
        Assert.Equal("""{"prefix":"2001:db8:8000::","prefix-len":48,"delegated-len":56}""", Pick(subnet["pd-pools"]![0]!.AsObject(), "prefix", "prefix-len", "delegated-len"));
        Assert.Equal(
            """{"duid":"00:03:00:01:aa:bb:cc:dd:ee:ff","ip-addresses":["2001:db8:1::20"],"prefixes":["2001:db8:8000:100::/56"],"hostname":"nas"}""",
            Pick(subnet["reservations"]![0]!.AsObject(), "duid", "ip-addresses", "prefixes", "hostname"));
        Assert.Equal((2700, 3600), ((int)subnet["preferred-lifetime"]!, (int)subnet["valid-lifetime"]!));
    }

    private static DhcpV4Service Lan4(long generation, bool withReservation = false) => new()
    {
        Metadata = Metadata("lan", generation, 0),
        Spec = new DhcpV4ServiceSpec
        {
            ValidLifetime = withReservation ? 7200 : 3600,
            Subnets =
            [
                new DhcpSubnet4
                {
                    Subnet = "192.0.2.0/24",
                    Pools = [new DhcpPool { Start = "192.0.2.100", End = "192.0.2.200" }],
                    Reservations = withReservation ? [new DhcpReservation4 { HwAddress = "aa:bb:cc:dd:ee:01", IpAddress = "192.0.2.20", Hostname = "printer" }] : [],
                },
            ],
            DnsUpdates = new DnsUpdates { Enabled = true, Domain = "home.arpa" },
        },
    };

    private static DhcpV4Service Iot4() => new()
    {
        Metadata = Metadata("iot", 1, 5),
        Spec = new DhcpV4ServiceSpec
        {
            Subnets = [new DhcpSubnet4 { Subnet = "10.20.0.0/24", Pools = [new DhcpPool { Start = "10.20.0.10", End = "10.20.0.50" }] }],
        },
    };

    private static DhcpV6Service Home6(long generation, bool full) => new()
    {
        Metadata = Metadata("home", generation, 0),
        Spec = new DhcpV6ServiceSpec
        {
            PreferredLifetime = 2700,
            Subnets =
            [
                new DhcpSubnet6
                {
                    Subnet = "2001:db8:1::/64",
                    Pools = [new DhcpPool { Start = "2001:db8:1::100", End = "2001:db8:1::1ff" }],
                    PdPools = full ? [new PdPool { Prefix = "2001:db8:8000::/48", DelegatedLength = 56 }] : [],
                    Reservations = full
                        ? [new DhcpReservation6 { Duid = "00:03:00:01:aa:bb:cc:dd:ee:ff", IpAddresses = ["2001:db8:1::20"], Prefixes = ["2001:db8:8000:100::/56"], Hostname = "nas" }]
                        : [],
                },
            ],
        },
    };

    private static V1ObjectMeta Metadata(string name, long generation, int minutes) => new()
    {
        Name = name, NamespaceProperty = "default", Generation = generation, CreationTimestamp = Created.AddMinutes(minutes),
    };

    private static string Pick(JsonObject json, params string[] names)
    {
        var picked = new JsonObject();
        foreach (var name in names.Where(json.ContainsKey))
        {
            picked[name] = json[name]!.DeepClone();
        }

        return picked.ToJsonString();
    }
}
