using Fos1.Crds.Dns;
using Fos1.Kubernetes.Resources;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Processes;

namespace Fos1.Integration.Tests.KubernetesControllers;

/// <summary>
/// The real dns sidecar process as the DNSZone/PTRZone controller, against a test API server that speaks the real
/// list/watch, status and Lease protocol (kube-apiserver cannot be installed here). What the sidecar serves is read
/// with real <c>dig AXFR</c>, updates are sent with real <c>nsupdate</c> and TSIG.
/// </summary>
public sealed class ZoneControllerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private const string HomeZone = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: DNSZone
        metadata:
          name: home
          namespace: default
        spec:
          domain: home.arpa
          ttl: 600
          nameServers: [ns.home.arpa]
          records:
            - name: ns
              type: A
              value: 192.168.1.1
          dynamicUpdates:
            enabled: true
            keys: [kea-ddns]
        """;

    private const string LanPtrZone = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: PTRZone
        metadata:
          name: lan
          namespace: default
        spec:
          network: 192.168.1.0/24
          ttl: 600
          nameServers: [ns.home.arpa]
          records:
            - address: 192.168.1.1
              hostname: ns.home.arpa
          dynamicUpdates:
            enabled: true
            keys: [kea-ddns]
        """;

    [Fact]
    public async Task The_seeds_DNSZone_on_a_test_API_server_speaking_the_real_protocol_is_served_before_the_sidecar_listens_follows_an_edit_and_goes_with_its_deletion()
    {
        await using var stack = await ZoneControllerStack.StartAsync();
        var seed = ZoneControllerStack.Example("seed-dnszone.yaml");
        stack.Api.ApplyYaml(seed);

        var dns = await stack.StartSidecarAsync();

        // Start-up applies the resources before the UPDATE/AXFR listener binds: the first answer already has them.
        Assert.Equal(
        [
            "example.com. 3600 in soa ns.example.com. hostmaster.example.com. 1 3600 600 604800 300",
            "example.com. 3600 in ns ns.example.com.",
            "www.example.com. 3600 in a 192.168.1.10",
            "example.com. 3600 in soa ns.example.com. hostmaster.example.com. 1 3600 600 604800 300",
        ], await ZoneControllerStack.AxfrAsync(dns.UpdateEndpoint, "example.com"));
        await Poll.UntilAsync(() => Status(stack, "example-zone") is { ObservedGeneration: 1 }, Deadline, "the seed's status", stack.Describe);
        var status = Status(stack, "example-zone")!;
        Assert.Equal(("example.com.", 1u, 1L), (status.Zone, status.Serial, status.ObservedGeneration));
        var ready = Assert.Single(status.Conditions);
        Assert.Equal(("Ready", "True", "Serving", "zone example.com. is served", 1L),
            (ready.Type, ready.Status, ready.Reason, ready.Message, ready.ObservedGeneration));

        stack.Api.ApplyYaml(seed.Replace("192.168.1.10", "192.168.1.20", StringComparison.Ordinal));

        await Poll.UntilAsync(async _ => (await ZoneControllerStack.AxfrAsync(dns.UpdateEndpoint, "example.com")).Contains("www.example.com. 3600 in a 192.168.1.20")
                && Status(stack, "example-zone") is { ObservedGeneration: 2 },
            Deadline, "the edited record and its status", stack.Describe);
        Assert.Equal(
        [
            "example.com. 3600 in soa ns.example.com. hostmaster.example.com. 2 3600 600 604800 300",
            "example.com. 3600 in ns ns.example.com.",
            "www.example.com. 3600 in a 192.168.1.20",
            "example.com. 3600 in soa ns.example.com. hostmaster.example.com. 2 3600 600 604800 300",
        ], await ZoneControllerStack.AxfrAsync(dns.UpdateEndpoint, "example.com"));
        Assert.Equal((2u, 2L), (Status(stack, "example-zone")!.Serial, Status(stack, "example-zone")!.Conditions[0].ObservedGeneration));

        Assert.True(stack.Api.Delete(DnsKinds.Zone, ZoneControllerStack.Namespace, "example-zone"));

        await Poll.UntilAsync(async _ => (await ZoneControllerStack.AxfrAsync(dns.UpdateEndpoint, "example.com")).Contains("; Transfer failed."),
            Deadline, "the deleted zone to be no longer served", stack.Describe);
    }

    [Fact]
    public async Task Dynamic_zones_added_on_a_test_API_server_speaking_the_real_protocol_accept_TSIG_updates_report_the_serial_rate_limited_and_a_second_zone_for_the_domain_is_a_Conflict()
    {
        await using var stack = await ZoneControllerStack.StartAsync();
        var dns = await stack.StartSidecarAsync();

        stack.Api.ApplyYaml(HomeZone);
        stack.Api.ApplyYaml(LanPtrZone);

        await Poll.UntilAsync(() => Status(stack, "home") is { Serial: 1 } home && home.Conditions[0].Status == "True"
                && PtrStatus(stack, "lan") is { Zone: "1.168.192.in-addr.arpa.", Serial: 1 } lan && lan.Conditions[0].Status == "True",
            Deadline, "both zones Ready", stack.Describe);
        var forward = await Nsupdate.SendAsync(dns.UpdateEndpoint, ZoneControllerStack.Key, "home.arpa", ["update add pc.home.arpa. 300 A 192.168.1.50"]);
        Assert.True(forward.ExitCode == 0, forward.StandardError + stack.Describe());
        var reverse = await Nsupdate.SendAsync(dns.UpdateEndpoint, ZoneControllerStack.Key, "1.168.192.in-addr.arpa",
            ["update add 50.1.168.192.in-addr.arpa. 300 PTR pc.home.arpa."]);
        Assert.True(reverse.ExitCode == 0, reverse.StandardError + stack.Describe());
        Assert.Contains("pc.home.arpa. 300 in a 192.168.1.50", await ZoneControllerStack.AxfrAsync(dns.UpdateEndpoint, "home.arpa"));
        Assert.Contains("50.1.168.192.in-addr.arpa. 300 in ptr pc.home.arpa.", await ZoneControllerStack.AxfrAsync(dns.UpdateEndpoint, "1.168.192.in-addr.arpa"));

        await Poll.UntilAsync(() => Status(stack, "home") is { Serial: 2 } && PtrStatus(stack, "lan") is { Serial: 2 },
            Deadline, "status.serial to follow the updates", stack.Describe);

        // A burst of DHCP updates: status.serial catches up with far fewer writes than updates.
        var writesBefore = StatusPatches(stack, "dnszones", "home");
        for (var i = 1; i <= 6; i++)
        {
            var burst = await Nsupdate.SendAsync(dns.UpdateEndpoint, ZoneControllerStack.Key, "home.arpa", [$"update add host{i}.home.arpa. 300 A 192.168.1.{100 + i}"]);
            Assert.True(burst.ExitCode == 0, burst.StandardError + stack.Describe());
        }

        await Poll.UntilAsync(() => Status(stack, "home") is { Serial: 8 }, Deadline, "status.serial 8 after the burst", stack.Describe);
        var burstWrites = StatusPatches(stack, "dnszones", "home") - writesBefore;
        Assert.InRange(burstWrites, 1, 2);

        stack.Api.ApplyYaml(HomeZone.Replace("name: home\n", "name: home-copy\n", StringComparison.Ordinal));

        await Poll.UntilAsync(() => Status(stack, "home-copy") is { } copy && copy.Conditions.Count == 1, Deadline, "the copy's status", stack.Describe);
        var conflict = Status(stack, "home-copy")!;
        Assert.Equal(("Ready", "False", "Conflict", "zone home.arpa. is already served by DNSZone default/home, created earlier"),
            (conflict.Conditions[0].Type, conflict.Conditions[0].Status, conflict.Conditions[0].Reason, conflict.Conditions[0].Message));
        Assert.Equal((1L, "home.arpa.", null), (conflict.ObservedGeneration, conflict.Zone, conflict.Serial)); // the apex it asks for, no serial: not served
        Assert.Equal(("True", 8u), (Status(stack, "home")!.Conditions[0].Status, Status(stack, "home")!.Serial));
        Assert.Contains("pc.home.arpa. 300 in a 192.168.1.50", await ZoneControllerStack.AxfrAsync(dns.UpdateEndpoint, "home.arpa"));
    }

    [Fact]
    public async Task With_two_sidecar_processes_and_leader_election_on_a_test_API_server_speaking_the_real_protocol_both_serve_and_only_the_Lease_holder_writes_status()
    {
        await using var stack = await ZoneControllerStack.StartAsync();
        var seed = ZoneControllerStack.Example("seed-dnszone.yaml");
        stack.Api.ApplyYaml(seed);
        var first = await stack.StartSidecarAsync("dns-a");
        var second = await stack.StartSidecarAsync("dns-b");

        await Poll.UntilAsync(() => stack.LeaseHolder() is not null && Status(stack, "example-zone") is { ObservedGeneration: 1 },
            Deadline, "a Lease holder and the seed's status", stack.Describe);
        stack.Api.ApplyYaml(seed.Replace("192.168.1.10", "192.168.1.30", StringComparison.Ordinal));

        foreach (var sidecar in new[] { first, second })
        {
            await Poll.UntilAsync(async _ => (await ZoneControllerStack.AxfrAsync(sidecar.UpdateEndpoint, "example.com")).Contains("www.example.com. 3600 in a 192.168.1.30"),
                Deadline, "every replica to apply the edit", stack.Describe);
        }

        await Poll.UntilAsync(() => Status(stack, "example-zone") is { ObservedGeneration: 2, Serial: 2 }, Deadline, "the edit's status", stack.Describe);
        var (leader, follower) = stack.LeaseHolder() == "dns-a" ? (first, second) : (second, first);
        const string Wrote = "Wrote the status of DNSZone default/example-zone";
        var leaderWrites = leader.RecentOutput.Split('\n').Count(line => line.Contains(Wrote, StringComparison.Ordinal));
        Assert.Equal(0, follower.RecentOutput.Split('\n').Count(line => line.Contains(Wrote, StringComparison.Ordinal)));
        Assert.True(leaderWrites >= 2, stack.Describe()); // generation 1 and generation 2 (a write racing our own watch event may repeat one)
        Assert.Equal(leaderWrites, StatusPatches(stack, "dnszones", "example-zone"));
    }

    [Fact]
    public async Task When_the_test_API_server_is_gone_the_sidecar_serves_its_configured_zones_after_the_sync_timeout_instead_of_waiting_forever()
    {
        var directory = Directory.CreateTempSubdirectory("fos1-zone-controller-gone-").FullName;
        try
        {
            var kubeconfig = Path.Combine(directory, "kubeconfig");
            await using (var gone = await Testbed.Kubernetes.TestApiServer.StartAsync())
            {
                Testbed.Kubernetes.Kubeconfig.Write(gone, kubeconfig);
            }

            await using var dns = await Testbed.Sidecars.DnsSidecarProcess.StartAsync(["home.arpa"], ZoneControllerStack.Key, extraArguments:
            [
                "--Kubernetes:Enabled=true",
                $"--Kubernetes:Kubeconfig={kubeconfig}",
                "--DnsSidecar:ResourceSyncTimeout=00:00:01",
            ]);

            Assert.Contains("The DNSZone/PTRZone lists did not arrive within 00:00:01; serving the configured zones until they do", dns.RecentOutput, StringComparison.Ordinal);
            var sent = await Nsupdate.SendAsync(dns.UpdateEndpoint, ZoneControllerStack.Key, "home.arpa", ["update add pc.home.arpa. 300 A 192.0.2.5"]);
            Assert.True(sent.ExitCode == 0, sent.StandardError + dns.RecentOutput);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ZoneStatus? Status(ZoneControllerStack stack, string name) => stack.Get<DnsZone>(DnsKinds.Zone, name)?.Status;

    private static ZoneStatus? PtrStatus(ZoneControllerStack stack, string name) => stack.Get<PtrZone>(DnsKinds.PtrZone, name)?.Status;

    private static int StatusPatches(ZoneControllerStack stack, string plural, string name) =>
        stack.Api.RequestLog.Count(line => line.StartsWith($"PATCH /apis/{DnsKinds.Group}/{DnsKinds.Version}/namespaces/{ZoneControllerStack.Namespace}/{plural}/{name}/status", StringComparison.Ordinal));
}
