using Fos1.Crds.Dns;
using Fos1.Testbed;
using Fos1.Testbed.AdGuard;
using Fos1.Testbed.Kubernetes;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;
using Fos1.Testbed.Sidecars;

namespace Fos1.Integration.Tests.ConfigSidecar;

/// <summary>
/// The real fos1-config-sidecar process against two stand-ins: kube-apiserver (TestApiServer, the real list/watch
/// protocol) and AdGuard Home (FakeAdGuardHome, its documented /control API). Neither can be installed here.
/// </summary>
public sealed class AdGuardThroughConfigSidecarTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static async Task<TestApiServer> ApiServerAsync()
    {
        var server = await TestApiServer.StartAsync();
        server.Serve(DnsKinds.FilterList);
        server.Serve(DnsKinds.Client);
        server.Serve(DnsKinds.MdnsReflector);
        return server;
    }

    [Fact]
    public async Task Filter_lists_and_clients_reach_adguard_home_and_report_Ready_while_an_invalid_one_reports_Invalid_stand_ins_for_adguard_home_and_kube_apiserver()
    {
        await using var api = await ApiServerAsync();
        await using var adGuard = await FakeAdGuardHome.StartAsync();
        await using var sidecar = await ConfigSidecarProcess.StartAsync(api, adGuard.Address, mdns: false);

        api.ApplyYaml(SampleResources.Ads);
        api.ApplyYaml(SampleResources.Broken);
        api.ApplyYaml(SampleResources.Laptop);
        api.ApplyYaml(SampleResources.Unfetchable);
        api.ApplyYaml(SampleResources.Tv);

        await Poll.UntilAsync(
            () => adGuard.Read(a => a.Filters.Any(f => f.Name == "Ads [fos1:home/ads]" && f.Url == "https://lists.example/ads.txt")
                && a.Clients.Any(c => c.Name == "laptop [fos1:home/laptop]" && c.Ids.SequenceEqual(["192.168.1.60"]))
                && a.UserRules.Contains("||ads.example^")),
            Deadline, "the filter list, its rule and the client in AdGuard Home", () => sidecar.RecentOutput);
        await Poll.UntilAsync(
            () => Ready(api, DnsKinds.FilterList, "ads") is { Status: "True", Reason: "Applied" }
                && Ready(api, DnsKinds.Client, "laptop") is { Status: "True", Reason: "Applied" }
                && Ready(api, DnsKinds.FilterList, "broken") is { Status: "False", Reason: "Invalid" },
            Deadline, "Ready conditions", () => ResourceConditions.Describe(api, DnsKinds.FilterList, "home", "broken") + sidecar.RecentOutput);

        Assert.Equal("spec.urls[0]: 'ftp://lists.example/x.txt' is not an absolute http(s) URL", Ready(api, DnsKinds.FilterList, "broken")!.Message);
        await Poll.UntilAsync(
            () => Ready(api, DnsKinds.FilterList, "unfetchable") is { Status: "False", Reason: "Rejected" }
                && Ready(api, DnsKinds.Client, "tv") is { Status: "True", Reason: "Applied" },
            Deadline, "Rejected and Degraded resources", () => ResourceConditions.Describe(api, DnsKinds.Client, "home", "tv") + sidecar.RecentOutput);
        Assert.StartsWith("POST /control/filtering/add_url: 400 rejected: Couldn't fetch filter from url https://unreachable.example/list.txt",
            Ready(api, DnsKinds.FilterList, "unfetchable")!.Message, StringComparison.Ordinal);
        Assert.Equal(
            new ResourceConditions.Seen("True", "MissingFilterList", "spec.filterLists: no valid DNSFilterList 'nowhere' in namespace home", 1),
            ResourceConditions.Find(api, DnsKinds.Client, "home", "tv", "Degraded"));
        Assert.Equal(1, Ready(api, DnsKinds.FilterList, "ads")!.ObservedGeneration);
        Assert.DoesNotContain(adGuard.Read(a => a.Filters.ToList()), f => f.Url.StartsWith("ftp:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleting_the_resources_removes_their_filter_rules_and_client_from_adguard_home_stand_ins_for_adguard_home_and_kube_apiserver()
    {
        await using var api = await ApiServerAsync();
        await using var adGuard = await FakeAdGuardHome.StartAsync();
        adGuard.UserRules.Add("||mine.example^");
        await using var sidecar = await ConfigSidecarProcess.StartAsync(api, adGuard.Address, mdns: false);
        api.ApplyYaml(SampleResources.Ads);
        api.ApplyYaml(SampleResources.Laptop);
        await Poll.UntilAsync(() => adGuard.Read(a => a.Filters.Count == 1 && a.Clients.Count == 1), Deadline, "the filter and the client", () => sidecar.RecentOutput);

        api.Delete(DnsKinds.FilterList, "home", "ads");
        api.Delete(DnsKinds.Client, "home", "laptop");

        await Poll.UntilAsync(
            () => adGuard.Read(a => a.Filters.Count == 0 && a.Clients.Count == 0 && !a.UserRules.Contains("||ads.example^")),
            Deadline, "the filter, its rule and the client gone", () => sidecar.RecentOutput);
        Assert.Contains("||mine.example^", adGuard.Read(a => a.UserRules.ToList()));
    }

    [Fact]
    public async Task A_hand_edit_of_what_fos1_owns_is_converged_back_at_the_next_resync_stand_ins_for_adguard_home_and_kube_apiserver()
    {
        await using var api = await ApiServerAsync();
        await using var adGuard = await FakeAdGuardHome.StartAsync();
        await using var sidecar = await ConfigSidecarProcess.StartAsync(api, adGuard.Address, mdns: false, ["--ConfigSidecar:AdGuard:ResyncInterval=00:00:01"]);
        api.ApplyYaml(SampleResources.Laptop);
        await Poll.UntilAsync(() => adGuard.Read(a => a.Clients.Count == 1), Deadline, "the client", () => sidecar.RecentOutput);

        adGuard.Change(a => a.Clients.Clear());

        await Poll.UntilAsync(() => adGuard.Read(a => a.Clients.Any(c => c.Name == "laptop [fos1:home/laptop]")), Deadline,
            "the client added again", () => sidecar.RecentOutput);
    }

    [Fact]
    public async Task Adguard_home_not_answering_makes_Ready_Unknown_AdGuardUnreachable_stand_in_for_kube_apiserver()
    {
        await using var api = await ApiServerAsync();
        var nobody = new Uri($"http://127.0.0.1:{FreePort.ForUdpAndTcp()}");
        await using var sidecar = await ConfigSidecarProcess.StartAsync(api, nobody, mdns: false);

        api.ApplyYaml(SampleResources.Laptop);
        api.ApplyYaml(SampleResources.Broken);

        await Poll.UntilAsync(
            () => Ready(api, DnsKinds.Client, "laptop") is { Status: "Unknown", Reason: "AdGuardUnreachable" }
                && Ready(api, DnsKinds.FilterList, "broken") is { Status: "False", Reason: "Invalid" },
            Deadline, "Ready=Unknown AdGuardUnreachable", () => ResourceConditions.Describe(api, DnsKinds.Client, "home", "laptop") + sidecar.RecentOutput);
        Assert.StartsWith("AdGuard Home did not answer: ", Ready(api, DnsKinds.Client, "laptop")!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_adguard_writes_the_golden_schema_34_file_once_and_again_only_with_force_stand_in_for_kube_apiserver()
    {
        await using var api = await ApiServerAsync();
        foreach (var resource in SampleResources.All)
        {
            api.ApplyYaml(resource);
        }

        var directory = Directory.CreateTempSubdirectory("fos1-init-adguard-").FullName;
        try
        {
            var file = Path.Combine(directory, "conf", "AdGuardHome.yaml");
            var golden = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "tests", "Fos1.AdGuard.Tests", "Golden", "sample.AdGuardHome.yaml"));

            var first = await ConfigSidecarProcess.InitAdGuardAsync(api, file);
            Assert.True(first.ExitCode == 0, first.StandardOutput + first.StandardError);
            Assert.Equal(golden, await File.ReadAllTextAsync(file));

            await File.WriteAllTextAsync(file, "# AdGuard Home rewrote this\n");
            var again = await ConfigSidecarProcess.InitAdGuardAsync(api, file);
            Assert.Equal(0, again.ExitCode);
            Assert.Equal("# AdGuard Home rewrote this\n", await File.ReadAllTextAsync(file));

            var forced = await ConfigSidecarProcess.InitAdGuardAsync(api, file, force: true);
            Assert.Equal(0, forced.ExitCode);
            Assert.Equal(golden, await File.ReadAllTextAsync(file));
            Assert.Equal(["AdGuardHome.yaml"], Directory.GetFiles(Path.GetDirectoryName(file)!).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_bad_configuration_exits_with_code_2_naming_the_key()
    {
        var result = await ConfigSidecarProcess.RunToExitAsync(
            ["--Kubernetes:Enabled=true", "--Kubernetes:LeaderElection=false", "--ConfigSidecar:AdGuard:Enabled=true", "--ConfigSidecar:AdGuard:ApiUrl=ftp://x", "--ConfigSidecar:AdGuard:ConfigFile=/tmp/x.yaml",
                "--ConfigSidecar:AdGuard:CredentialsDirectory=/nonexistent/fos1-secret"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ConfigSidecar:AdGuard:ApiUrl 'ftp://x' is not an http(s) URL", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("ConfigSidecar:AdGuard:CredentialsDirectory '/nonexistent/fos1-secret' must hold the files username, password, password-hash", result.StandardError, StringComparison.Ordinal);
    }

    private static ResourceConditions.Seen? Ready(TestApiServer api, Fos1.Kubernetes.Resources.ResourceKind kind, string name) =>
        ResourceConditions.Find(api, kind, "home", name);
}
