using System.Net;
using Fos1.Integration.Tests.Infrastructure;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Sidecars;

namespace Fos1.Integration.Tests.Observability;

/// <summary>The real dns sidecar's /metrics, /healthz and /readyz while real nsupdate changes arrive.</summary>
public sealed class DnsSidecarEndpointTests
{
    [Fact]
    public async Task Each_nsupdate_moves_the_updates_counter_by_one_and_readiness_lists_store_listener_and_bridge()
    {
        var key = TsigKey.Generate();
        using var http = new SidecarHttp();
        await using var dns = await DnsSidecarProcess.StartAsync([DnsStack.ForwardZone, DnsStack.ReverseZone4], key, extraArguments: [http.Argument]);
        var before = await http.ScrapeAsync();

        foreach (var host in new[] { "one", "two", "three" })
        {
            var sent = await Nsupdate.SendAsync(dns.UpdateEndpoint, key, DnsStack.ForwardZone, [$"update add {host}.home.arpa. 600 IN A 192.0.2.7"]);
            Assert.True(sent.ExitCode == 0, sent.StandardError + dns.RecentOutput);
        }

        var after = await http.ScrapeAsync();
        string[] applied = [$"key={key.Name}", "zone=home.arpa", "rcode=NoError"];
        Assert.Equal(3, after.Sum("fos1_dns_server_updates_total", applied) - before.Sum("fos1_dns_server_updates_total", applied));
        Assert.Contains("target_info{service_name=\"fos1-dns-sidecar\"", after.Text, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "ok\n"), await http.GetAsync("/healthz"));
        Assert.Equal(
            (HttpStatusCode.OK, $"ready\nok   store: open, 2 zones\nok   update-listener: bound to {dns.UpdateEndpoint}\nok   grpc-bridge: bound to {dns.GrpcEndpoint}\n"),
            await http.GetAsync("/readyz"));
    }
}
