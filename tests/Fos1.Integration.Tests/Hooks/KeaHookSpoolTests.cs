using Fos1.Testbed.Metrics;
using System.Net;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Naming;
using Fos1.Kea.Hooks;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Integration.Tests.Hooks;

/// <summary>
/// Real kea-dhcp4/kea-dhcp6 in a namespace lab running the shipped hook script via libdhcp_run_script.so;
/// perfdhcp makes the leases. Kea's own log lines (DHCP4_LEASE_ALLOC, DHCP4_RELEASE...) are the independent
/// record of what happened that the spool must match one file per event.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class KeaHookSpoolTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Kea_dhcp4_spools_one_file_per_grant_and_release_and_they_parse_into_the_leases_Kea_logged()
    {
        using var hook = new SpooledHookScript();
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        await using var kea = await KeaDhcp4Server.StartAsync(lab, new KeaDhcpOptions
        {
            ValidLifetime = 600,
            Hooks = [KeaHookLibrary.RunScript(hook.Script), KeaHookLibrary.LeaseCommands],
            Customize = body => body["ddns-replace-client-name"] = "never",
        });

        // Every client calls itself "Laptop_One" (option 12): Kea cleans and qualifies it, the sidecar keeps that.
        var report = await Perfdhcp.RunDhcp4Async(lab, new PerfdhcpOptions
        {
            Exchanges = 20, Clients = 5, Rate = 20, ReleaseRate = 5, ExtraArguments = ["-o", "12,4c6170746f705f4f6e65"],
        });
        var allocated = Matches(kea.RecentOutput, Allocated4());
        var released = Matches(kea.RecentOutput, Released4());
        IReadOnlyList<(string HookPoint, string QueryType, IReadOnlyList<LeaseEvent> Events)> files = [];
        await Poll.UntilAsync(
            () =>
            {
                files = hook.Read();
                return files.Count(f => f is { HookPoint: "leases4_committed", QueryType: "DHCPREQUEST" }) == allocated.Count
                    && files.Count(f => f.HookPoint == "lease4_release") == released.Count;
            },
            Deadline,
            $"one leases4_committed file per DHCP4_LEASE_ALLOC ({allocated.Count}) and one lease4_release file per DHCP4_RELEASE ({released.Count})",
            () => string.Join(Environment.NewLine, files.Select(f => $"{f.HookPoint} {f.QueryType} {f.Events.Count}")) + Environment.NewLine + kea.RecentOutput);

        Assert.True(allocated.Count >= 5 && released.Count > 0, report.Output);
        var committed = files.Where(f => f is { HookPoint: "leases4_committed", QueryType: "DHCPREQUEST" }).Select(f => Assert.Single(f.Events)).ToList();
        Assert.Equal(Sorted(allocated), Sorted(committed.Select(e => $"{e.Lease.Address} {Mac(e.Lease.HardwareAddress)}")));
        Assert.All(committed, e => Assert.Equal(LeaseEventKind.Committed, e.Kind));
        Assert.All(committed, e => Assert.Equal("laptopone.home.arpa", e.Lease.Hostname));
        Assert.All(committed, e => Assert.Equal(600u, e.Lease.ValidLifetime));
        Assert.All(committed, e => Assert.Equal([(byte)1, .. e.Lease.HardwareAddress!], e.Lease.ClientId!));
        var releases = files.Where(f => f.HookPoint == "lease4_release").Select(f => Assert.Single(f.Events)).ToList();
        Assert.Equal(Sorted(released), Sorted(releases.Select(e => $"{e.Lease.Address} {Mac(e.Lease.HardwareAddress)}")));
        Assert.All(releases, e => Assert.Equal(LeaseEventKind.Released, e.Kind));
        // A DISCOVER from a client that holds a lease fires lease4_renew too; the parser drops those.
        Assert.All(files.Where(f => f.QueryType == "DHCPDISCOVER"), f => Assert.Empty(f.Events));

        // The same spool through the real watcher: everything consumed, deleted, nothing rejected.
        var (events, pass) = await DrainAsync(hook.Spool);
        Assert.Equal(new HookSpoolPass(files.Count, 0, Blocked: false), pass);
        Assert.Equal(files.SelectMany(f => f.Events).Select(e => (e.Kind, e.Lease.Address)), events.Select(e => (e.Kind, e.Lease.Address)));
        Assert.Empty(Directory.EnumerateFiles(hook.Spool));
    }

    [Fact]
    public async Task Kea_dhcp6_spools_address_and_prefix_leases_and_only_the_addresses_get_names()
    {
        using var hook = new SpooledHookScript();
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        await using var kea = await KeaDhcp6Server.StartAsync(lab, new KeaDhcpOptions
        {
            ValidLifetime = 600,
            Hooks = [KeaHookLibrary.RunScript(hook.Script), KeaHookLibrary.LeaseCommands],
            Customize = body => body["subnet6"]![0]!["pd-pools"] = new JsonArray(
                new JsonObject { ["prefix"] = "2001:db8:8000::", ["prefix-len"] = 48, ["delegated-len"] = 56 }),
        });

        var report = await Perfdhcp.RunDhcp6Async(lab, new PerfdhcpOptions
        {
            Exchanges = 10, Clients = 5, Rate = 20, ReleaseRate = 5, ExtraArguments = ["-e", "address-and-prefix"],
        });
        var allocated = Matches(kea.RecentOutput, Allocated6());
        var released = Matches(kea.RecentOutput, Released6());
        IReadOnlyList<(string HookPoint, string QueryType, IReadOnlyList<LeaseEvent> Events)> files = [];
        await Poll.UntilAsync(
            () =>
            {
                files = hook.Read();
                return files.Count(f => f is { HookPoint: "leases6_committed", QueryType: "REQUEST" }) == allocated.Count
                    && files.Count(f => f.HookPoint == "lease6_release") == 2 * released.Count;
            },
            Deadline,
            $"one leases6_committed file per DHCP6_LEASE_ALLOC ({allocated.Count}) and one lease6_release file per released IA ({2 * released.Count})",
            () => string.Join(Environment.NewLine, files.Select(f => $"{f.HookPoint} {f.QueryType} {f.Events.Count}")) + Environment.NewLine + kea.RecentOutput);

        Assert.True(allocated.Count >= 5, report.Output);
        var committed = files.Where(f => f is { HookPoint: "leases6_committed", QueryType: "REQUEST" }).Select(f => f.Events).ToList();
        Assert.All(committed, events => Assert.Equal([LeaseType.IaNa, LeaseType.IaPd], events.Select(e => e.Lease.Type)));
        Assert.Equal(Sorted(allocated), Sorted(committed.Select(events => events[0].Lease.Address.ToString())));
        Assert.All(committed.SelectMany(e => e), e => Assert.Equal(14, e.Lease.Duid!.Length));
        var releasedAddresses = files.Where(f => f.HookPoint == "lease6_release").Select(f => Assert.Single(f.Events).Lease)
            .Where(lease => lease.Type == LeaseType.IaNa).Select(lease => lease.Address.ToString());
        Assert.Equal(Sorted(released), Sorted(releasedAddresses));

        // Kea 2.2 stores no v6 host name without DDNS: the sidecar generates Kea-style names, and only for IA_NA.
        var planner = new LeaseNameChangePlanner(new HostNamer(new HostNamingOptions { QualifyingSuffix = DnsName.Parse("home.arpa") }));
        var plans = committed.SelectMany(e => e).Select(planner.Plan).ToList();
        Assert.All(plans.Where(p => p.Change is null), p => Assert.Equal(LeaseSkipReason.PrefixDelegation, p.Skipped));
        var adds = plans.Select(p => p.Change).OfType<NameChange>().ToList();
        Assert.Equal(committed.Count, adds.Count);
        Assert.All(adds, add => Assert.Equal($"myhost-{add.Address.ToString().Replace(':', '-')}.home.arpa", add.Fqdn.Text));
        Assert.All(adds, add => Assert.Equal((ushort)DhcidIdentifierType.Duid, add.Dhcid.IdentifierType));
        // A 600 s lease: a third is 200 s, raised to the 600 s floor Kea 2.2 also applies.
        Assert.All(adds, add => Assert.Equal(600u, add.Ttl));
    }

    private static async Task<(List<LeaseEvent> Events, HookSpoolPass Pass)> DrainAsync(string spool)
    {
        using var meters = new TestMeterFactory();
        var channel = Channel.CreateUnbounded<LeaseEvent>();
        using var watcher = new HookSpoolWatcher(
            new HookSpoolOptions { Directory = spool }, LeaseEventSinks.ToChannel(channel.Writer), new HookSpoolMetrics(meters), NullLogger<HookSpoolWatcher>.Instance);
        var pass = await watcher.DrainAsync(CancellationToken.None);
        channel.Writer.Complete();
        return (await channel.Reader.ReadAllAsync().ToListAsync(), pass);
    }

    private static List<string> Matches(string log, Regex pattern) =>
        pattern.Matches(log).Select(m => m.Groups.Count > 2 ? $"{m.Groups["address"].Value} {m.Groups["mac"].Value}" : m.Groups["address"].Value).ToList();

    private static List<string> Sorted(IEnumerable<string> values) => values.Order(StringComparer.Ordinal).ToList();

    private static string Mac(byte[]? bytes) => bytes is null ? "" : Convert.ToHexString(bytes).ToLowerInvariant().Chunk(2).Select(c => new string(c)).Aggregate((a, b) => a + ":" + b);

    [GeneratedRegex(@"DHCP4_LEASE_ALLOC \[hwtype=1 (?<mac>[0-9a-f:]+)\].*: lease (?<address>\S+) has been allocated")]
    private static partial Regex Allocated4();

    [GeneratedRegex(@"DHCP4_RELEASE \[hwtype=1 (?<mac>[0-9a-f:]+)\].*: address (?<address>\S+) was released properly")]
    private static partial Regex Released4();

    [GeneratedRegex(@"DHCP6_LEASE_ALLOC .*: lease for address (?<address>\S+) and iaid")]
    private static partial Regex Allocated6();

    [GeneratedRegex(@"DHCP6_RELEASE_NA .*: binding for address (?<address>\S+) and iaid")]
    private static partial Regex Released6();
}
