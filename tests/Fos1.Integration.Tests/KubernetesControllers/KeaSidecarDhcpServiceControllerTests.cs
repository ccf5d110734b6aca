using System.Text.Json.Nodes;
using Fos1.Crds.Dhcp;
using Fos1.Kea.Configuration.Rendering;
using Fos1.Kea.ControlSocket;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Processes;

namespace Fos1.Integration.Tests.KubernetesControllers;

/// <summary>
/// DHCPv4Service / DHCPv6Service resources on a test API server that speaks the real Kubernetes list/watch and
/// status protocol (kube-apiserver is not installable here) -> the real kea sidecar process -> real kea-dhcp4 /
/// kea-dhcp6 through their control sockets, and Kea's verdict back in each resource's status.
/// </summary>
public sealed class KeaSidecarDhcpServiceControllerTests
{
    [Fact]
    public async Task Against_a_test_api_server_a_dhcpv4service_is_applied_changed_rejected_with_keas_message_and_removed_in_real_kea()
    {
        await using var stack = await KeaControllerStack.StartAsync(4);

        stack.Api.ApplyYaml(Lan("192.0.2.100", "192.0.2.150", router: "192.0.2.1"));
        var applied = await stack.WaitForStatusAsync("lan", "True", "Applied");
        var running = await stack.WaitForKeaAsync(s => Pool(s, "192.0.2.0/24") == "192.0.2.100-192.0.2.150", "Kea to run the lan subnet");
        Assert.Equal(1L, KeaControllerStack.Number(applied["status"]!["observedGeneration"]));
        Assert.Equal(1L, KeaControllerStack.Number(applied["status"]!["appliedGeneration"]));
        Assert.StartsWith("sha256:", (string?)applied["status"]!["configHash"], StringComparison.Ordinal);
        var subnet = running["192.0.2.0/24"];
        Assert.Equal("default/lan", (string?)subnet["user-context"]!["fos1"]!["service"]);
        Assert.Equal(false, (bool?)subnet["user-context"]!["fos1"]!["reverse-updates"]);
        var ddns = (await stack.Kea.RunningAsync())["dhcp-ddns"]!;
        Assert.Equal((true, "127.0.0.1", stack.Sidecar.Endpoint.Port), ((bool?)ddns["enable-updates"], (string?)ddns["server-ip"], (int?)ddns["server-port"]));

        stack.Api.ApplyYaml(Lan("192.0.2.160", "192.0.2.199", router: "192.0.2.1"));
        await stack.WaitForKeaAsync(s => Pool(s, "192.0.2.0/24") == "192.0.2.160-192.0.2.199", "Kea to run the new pool");
        var changed = await stack.WaitForStatusAsync("lan", "True", "Applied");
        Assert.Equal(2L, KeaControllerStack.Number(changed["status"]!["appliedGeneration"]));
        var goodHash = (string?)changed["status"]!["configHash"];
        Assert.NotEqual((string?)applied["status"]!["configHash"], goodHash);

        stack.Api.ApplyYaml(Lan("192.0.2.10", "192.0.2.20", router: "not-an-address"));
        var rejected = await stack.WaitForStatusAsync("lan", "False", "Rejected");
        var ready = KeaControllerStack.Ready(rejected)!;
        Assert.StartsWith("Kea refused the configuration in config-test: ", (string?)ready["message"], StringComparison.Ordinal);
        Assert.Contains("Failed to convert string to address 'not-an-address'", (string?)ready["message"], StringComparison.Ordinal);
        Assert.Equal((2L, goodHash), (KeaControllerStack.Number(rejected["status"]!["appliedGeneration"]), (string?)rejected["status"]!["configHash"]));
        Assert.Equal("192.0.2.160-192.0.2.199", Pool(await stack.Kea.RunningSubnetsAsync(), "192.0.2.0/24"));

        Assert.True(stack.Api.Delete(DhcpKinds.V4Service, KeaControllerStack.Namespace, "lan"));
        await stack.WaitForKeaAsync(s => s.Count == 0, "Kea to run no subnet once the resource is deleted");
    }

    [Fact]
    public async Task Against_a_test_api_server_a_dhcpv6service_becomes_a_kea_dhcp6_subnet_and_reports_applied()
    {
        await using var stack = await KeaControllerStack.StartAsync(6);

        stack.Api.ApplyYaml("""
            apiVersion: dhcp.fos1.io/v1alpha1
            kind: DHCPv6Service
            metadata:
              name: home6
              namespace: default
            spec:
              subnets:
                - subnet: 2001:db8:1::/64
                  pools:
                    - start: 2001:db8:1::1000
                      end: 2001:db8:1::1fff
            """);

        var status = await stack.WaitForStatusAsync("home6", "True", "Applied");
        var running = await stack.WaitForKeaAsync(s => s.ContainsKey("2001:db8:1::/64"), "kea-dhcp6 to run the home6 subnet");
        // kea-dhcp6 shows a range that is exactly a prefix as that prefix.
        Assert.Equal("2001:db8:1::1000/116", Pool(running, "2001:db8:1::/64"));
        Assert.Equal("default/home6", (string?)running["2001:db8:1::/64"]["user-context"]!["fos1"]!["service"]);
        Assert.Equal(1L, KeaControllerStack.Number(status["status"]!["appliedGeneration"]));

        // Someone (or a Kea restarted from an older file) runs another configuration: the periodic re-apply notices.
        var older = KeaDhcp6ConfigRenderer.Render([], stack.Kea.Template, stack.Kea.Options);
        Assert.Equal(KeaCommandResponse.Success, (await stack.Kea.Channel.SendAsync(new KeaCommand("config-set", older.Config), CancellationToken.None)).Result);
        await stack.WaitForKeaAsync(s => s.ContainsKey("2001:db8:1::/64"), "the sidecar to put the home6 subnet back");
    }

    [Fact]
    public async Task While_kea_is_down_the_status_says_KeaUnreachable_and_the_retry_applies_once_kea_is_back()
    {
        await using var stack = await KeaControllerStack.StartAsync(4);
        Assert.Equal(KeaCommandResult.Success, (await stack.Kea.Kea.SendCommandAsync("shutdown")).Result);
        await Poll.UntilAsync(() => !stack.Kea.Kea.IsRunning, TimeSpan.FromSeconds(10), "kea-dhcp4 to shut down", () => stack.Kea.Kea.RecentOutput);

        stack.Api.ApplyYaml(Lan("192.0.2.100", "192.0.2.150", router: "192.0.2.1"));
        var unreachable = await stack.WaitForStatusAsync("lan", "Unknown", "KeaUnreachable");
        await using var restarted = await KeaDhcpRestart.StartAsync(stack.Kea.Kea, stack.Kea.Lab);
        await stack.WaitForStatusAsync("lan", "True", "Applied");

        Assert.Null(unreachable["status"]!["appliedGeneration"]);
        Assert.Equal("192.0.2.100-192.0.2.150", Pool(await stack.Kea.RunningSubnetsAsync(), "192.0.2.0/24"));
    }

    private static string Lan(string start, string end, string router) => $"""
        apiVersion: dhcp.fos1.io/v1alpha1
        kind: DHCPv4Service
        metadata:
          name: lan
          namespace: default
        spec:
          subnets:
            - subnet: 192.0.2.0/24
              pools:
                - start: {start}
                  end: {end}
              options:
                - name: routers
                  data: {router}
          dnsupdates:
            enabled: true
            domain: home.arpa
            reverse: false
        """;

    // Kea prints pools as "a-b" in config-get whatever spacing it was given.
    private static string? Pool(Dictionary<string, JsonObject> subnets, string prefix) =>
        subnets.TryGetValue(prefix, out var subnet)
            ? ((string?)subnet["pools"]?[0]?["pool"])?.Replace(" ", "", StringComparison.Ordinal)
            : null;
}
