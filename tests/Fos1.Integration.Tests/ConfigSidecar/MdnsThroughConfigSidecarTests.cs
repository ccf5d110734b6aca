using Fos1.Crds.Dns;
using Fos1.Mdns.Interfaces;
using Fos1.Mdns.Rendering;
using Fos1.Testbed.Kubernetes;
using Fos1.Testbed.Processes;
using Fos1.Testbed.Sidecars;
using k8s.Models;

namespace Fos1.Integration.Tests.ConfigSidecar;

/// <summary>
/// The real fos1-config-sidecar process writing avahi-daemon.conf from MDNSReflector resources served by a stand-in
/// for kube-apiserver (TestApiServer). No avahi runs here (tests/Fos1.Mdns.Tests reflects for real): the pid file
/// names no process, so every write is WrittenNotRunning.
/// </summary>
public sealed class MdnsThroughConfigSidecarTests
{
    private const string Written = "WrittenNotRunning";
    private const string Unchanged = ": Unchanged";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_sidecar_writes_avahi_daemon_conf_from_an_MDNSReflector_and_rewrites_it_only_when_the_resource_changes_stand_in_for_kube_apiserver()
    {
        await using var api = await TestApiServer.StartAsync();
        api.Serve(DnsKinds.MdnsReflector);
        // The resource exists before the sidecar starts, so its first list already sees it: one write, however fast the
        // sidecar starts (a native build lists within ~70 ms and would otherwise first write the empty configuration).
        api.ApplyYaml(Reflector(enabled: true));
        await using var sidecar = await ConfigSidecarProcess.StartAsync(api, adGuardApi: null, mdns: true, ["--ConfigSidecar:Mdns:ResyncInterval=00:00:01"]);
        await File.WriteAllTextAsync(sidecar.AvahiPidFile, "4194303\n");

        await Poll.UntilAsync(() => File.Exists(sidecar.AvahiConfigFile) && sidecar.CountOutput(Written) == 1, Deadline, "avahi-daemon.conf", () => sidecar.RecentOutput);
        Assert.Equal(Expected(enabled: true), await File.ReadAllTextAsync(sidecar.AvahiConfigFile));
        await Poll.UntilAsync(() => ResourceConditions.Find(api, DnsKinds.MdnsReflector, "home", "lan") is { Status: "True", Reason: "Applied" }, Deadline,
            "Ready=True", () => ResourceConditions.Describe(api, DnsKinds.MdnsReflector, "home", "lan"));
        Assert.Equal("node test-node: avahi reflects mDNS between lo; not on this node, left out: fos1-absent0",
            ResourceConditions.Find(api, DnsKinds.MdnsReflector, "home", "lan")!.Message);

        // Resyncs render the same text: no write, so no restart.
        var written = File.GetLastWriteTimeUtc(sidecar.AvahiConfigFile);
        var unchangedBefore = sidecar.CountOutput(Unchanged);
        await Poll.UntilAsync(() => sidecar.CountOutput(Unchanged) >= unchangedBefore + 2, Deadline, "two resyncs", () => sidecar.RecentOutput);
        Assert.Equal(1, sidecar.CountOutput(Written));
        Assert.Equal(written, File.GetLastWriteTimeUtc(sidecar.AvahiConfigFile));

        api.ApplyYaml(Reflector(enabled: false));

        await Poll.UntilAsync(() => sidecar.CountOutput(Written) == 2, Deadline, "the file rewritten", () => sidecar.RecentOutput);
        Assert.Equal(Expected(enabled: false), await File.ReadAllTextAsync(sidecar.AvahiConfigFile));
        Assert.Equal(["avahi-daemon.conf", "pid"], Directory.GetFiles(Path.GetDirectoryName(sidecar.AvahiConfigFile)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static string Reflector(bool enabled) => $$"""
        apiVersion: dns.fos1.io/v1alpha1
        kind: MDNSReflector
        metadata: { name: lan, namespace: home }
        spec:
          enabled: {{(enabled ? "true" : "false")}}
          interfaces: [lo, fos1-absent0]
          filters: [_airplay._tcp.local]
        """;

    private static string Expected(bool enabled) => AvahiConfigRenderer.Render(
        [new MdnsReflector
        {
            Metadata = new V1ObjectMeta { Name = "lan", NamespaceProperty = "home", Generation = 1 },
            Spec = new MdnsReflectorSpec { Enabled = enabled, Interfaces = ["lo", "fos1-absent0"], Filters = ["_airplay._tcp.local"] },
        }],
        NodeInterfaces.FromSystem()).Text;
}
