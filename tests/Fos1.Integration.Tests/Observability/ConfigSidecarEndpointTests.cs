using System.Net;
using Fos1.Crds.Dns;
using Fos1.Integration.Tests.ConfigSidecar;
using Fos1.Testbed.AdGuard;
using Fos1.Testbed.Kubernetes;
using Fos1.Testbed.Network;
using Fos1.Testbed.Sidecars;

namespace Fos1.Integration.Tests.Observability;

/// <summary>
/// The real config sidecar's /healthz, /readyz and /metrics against the stand-ins for kube-apiserver (TestApiServer)
/// and AdGuard Home (FakeAdGuardHome): ready only once its informers synced and AdGuard answered.
/// </summary>
public sealed class ConfigSidecarEndpointTests
{
    [Fact]
    public async Task Readiness_is_503_with_the_reason_while_adguard_home_is_unreachable_and_200_with_it_answering()
    {
        await using var api = await TestApiServer.StartAsync();
        api.Serve(DnsKinds.FilterList);
        api.Serve(DnsKinds.Client);
        api.Serve(DnsKinds.MdnsReflector);
        var nobody = new Uri($"http://127.0.0.1:{FreePort.ForUdpAndTcp()}");
        using var http = new SidecarHttp();
        await using (var unreachable = await ConfigSidecarProcess.StartAsync(api, nobody, mdns: false, [http.Argument]))
        {
            var failing = await http.ReadinessUntilAsync(HttpStatusCode.ServiceUnavailable,
                body => body.Contains("FAIL adguard: API unreachable at ", StringComparison.Ordinal), () => unreachable.RecentOutput);

            Assert.StartsWith("not ready\n", failing, StringComparison.Ordinal);
            Assert.Contains("ok   informers: synced: DNSFilterList, DNSClient\n", failing, StringComparison.Ordinal);
            Assert.Equal((HttpStatusCode.OK, "ok\n"), await http.GetAsync("/healthz"));
            Assert.Contains("target_info{service_name=\"fos1-config-sidecar\"", (await http.ScrapeAsync()).Text, StringComparison.Ordinal);
        }

        await using var adGuard = await FakeAdGuardHome.StartAsync();
        await using var sidecar = await ConfigSidecarProcess.StartAsync(api, adGuard.Address, mdns: false, [http.Argument]);
        api.ApplyYaml(SampleResources.Ads);

        var ready = await http.ReadinessUntilAsync(HttpStatusCode.OK, _ => true, () => sidecar.RecentOutput);
        Assert.StartsWith("ready\nok   adguard: API answered at ", ready, StringComparison.Ordinal);
        Assert.EndsWith("\nok   informers: synced: DNSFilterList, DNSClient\n", ready, StringComparison.Ordinal);
    }
}
