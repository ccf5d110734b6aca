using Fos1.Integration.Tests.Infrastructure;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Processes;
using static Fos1.Integration.Tests.Infrastructure.Changes;

namespace Fos1.Integration.Tests.KubernetesControllers;

/// <summary>
/// <c>dnsupdates.reverse: false</c> end to end: a DHCPv4Service on a test API server speaking the real Kubernetes
/// protocol, applied by the real kea sidecar to real kea-dhcp4, then NCRs (which Kea 2.2 always sends with the
/// reverse half) to the same sidecar in front of a real BIND.
/// </summary>
public sealed class ForwardOnlySubnetTests
{
    [Fact]
    public async Task Against_a_test_api_server_an_ncr_inside_a_reverse_false_subnet_gets_its_A_record_but_no_PTR_until_reverse_is_turned_on()
    {
        await using var bind = await BindServer.StartAsync(new BindServerOptions
        {
            Zones = [new BindZone(DnsStack.ForwardZone), new BindZone(DnsStack.ReverseZone4), new BindZone(DnsStack.ReverseZone6)],
        });
        await using var stack = await KeaControllerStack.StartAsync(4, bind);
        stack.Api.ApplyYaml(Lan(reverse: false));
        await stack.WaitForStatusAsync("lan", "True", "Applied");

        await stack.SendAsync(Add("phone", "192.0.2.110", 1));
        await Poll.UntilAsync(() => stack.Sidecar.OutputContains("Add phone.home.arpa 192.0.2.110: Completed"),
            TimeSpan.FromSeconds(15), "the sidecar to finish the add", () => stack.Sidecar.RecentOutput);

        await DnsStack.WaitForAsync(bind, "phone.home.arpa", "A", ["192.0.2.110"]);
        Assert.Empty(await bind.QueryAsync(Ptr("192.0.2.110"), "PTR"));

        // The status is written after the filter follows the new configuration, so Applied means in effect.
        stack.Api.ApplyYaml(Lan(reverse: true));
        var applied = await stack.WaitForStatusAsync("lan", "True", "Applied");
        Assert.Equal(2L, KeaControllerStack.Number(applied["status"]!["appliedGeneration"]));
        await stack.SendAsync(Add("laptop", "192.0.2.111", 2));

        await DnsStack.WaitForAsync(bind, Ptr("192.0.2.111"), "PTR", ["laptop.home.arpa."], stack.Sidecar.RecentOutput);
        await DnsStack.WaitForAsync(bind, "laptop.home.arpa", "A", ["192.0.2.111"]);
    }

    private static string Lan(bool reverse) => $"""
            apiVersion: dhcp.fos1.io/v1alpha1
            kind: DHCPv4Service
            metadata:
              name: lan
              namespace: default
            spec:
              subnets:
                - subnet: 192.0.2.0/24
                  pools:
                    - start: 192.0.2.100
                      end: 192.0.2.150
              dnsupdates:
                enabled: true
                domain: home.arpa
                reverse: {(reverse ? "true" : "false")}
            """;
}
