using Fos1.Crds.Dhcp;
using Fos1.Kea.Configuration.Rendering;
using static Fos1.Kea.Configuration.Tests.Resources;
using static Fos1.Kea.Configuration.Tests.Rendering.ServiceOrderAndConflictTests;

namespace Fos1.Kea.Configuration.Tests.Rendering;

public sealed class DnsUpdatesMappingTests
{
    private static readonly KeaRenderOptions Ncr = new() { NcrServerAddress = System.Net.IPAddress.Parse("127.0.0.1"), NcrServerPort = 53123 };

    [Fact]
    public void Dnsupdates_become_subnet_ddns_parameters_and_point_the_ncr_client_at_the_sidecar()
    {
        var spec = Subnet4("10.0.1.0/24") with
        {
            DnsUpdates = new DnsUpdates { Enabled = true, Domain = "home.arpa", ReplaceClientName = ReplaceClientName.WhenNotPresent, GeneratedPrefix = "dev" },
        };

        var rendering = KeaDhcp4ConfigRenderer.Render([V4("lan", spec)], Template4, Ncr);

        var subnet = Assert.Single(Subnets(rendering));
        Assert.Equal(
            """{"ddns-send-updates":true,"ddns-qualifying-suffix":"home.arpa.","ddns-replace-client-name":"when-not-present","ddns-generated-prefix":"dev","user-context":{"fos1":{"service":"default/lan"}}}""",
            Pick(subnet, "ddns-send-updates", "ddns-qualifying-suffix", "ddns-replace-client-name", "ddns-generated-prefix", "user-context"));
        Assert.Equal(
            """{"enable-updates":true,"server-ip":"127.0.0.1","server-port":53123}""",
            Body(rendering)["dhcp-ddns"]!.ToJsonString());
        Assert.Empty(rendering.ForwardOnlySubnets);
    }

    [Fact]
    public void Without_any_service_asking_for_ddns_the_template_keeps_the_ncr_client_off()
    {
        var rendering = KeaDhcp4ConfigRenderer.Render([V4("lan", Subnet4("10.0.1.0/24"))], Template4, Ncr);

        var subnet = Assert.Single(Subnets(rendering));
        Assert.Equal("""{"ddns-send-updates":false}""", Pick(subnet, "ddns-send-updates", "ddns-qualifying-suffix", "ddns-replace-client-name"));
        Assert.Equal("""{"enable-updates":false}""", Body(rendering)["dhcp-ddns"]!.ToJsonString());
    }

    [Fact]
    public void Reverse_off_is_carried_in_the_user_context_and_the_forward_only_subnets_because_kea_has_no_parameter_for_it()
    {
        var spec = Subnet4("10.0.1.0/24") with { DnsUpdates = new DnsUpdates { Enabled = true, Domain = "iot.home.arpa", Reverse = false } };

        var rendering = KeaDhcp4ConfigRenderer.Render([V4("iot", spec)], Template4);

        var subnet = Assert.Single(Subnets(rendering));
        Assert.Equal(
            """{"ddns-qualifying-suffix":"iot.home.arpa.","ddns-replace-client-name":"never","user-context":{"fos1":{"service":"default/iot","reverse-updates":false}}}""",
            Pick(subnet, "ddns-qualifying-suffix", "ddns-replace-client-name", "ddns-generated-prefix", "user-context"));
        Assert.Equal(["10.0.1.0/24"], rendering.ForwardOnlySubnets);
    }

    [Fact]
    public void Each_service_keeps_its_own_lifetimes_and_ddns_settings_on_its_subnets()
    {
        var lan = V4("lan", Subnet4("10.0.1.0/24") with
        {
            ValidLifetime = 7200, RenewTimer = 1800, RebindTimer = 3600,
            DnsUpdates = new DnsUpdates { Enabled = true, Domain = "home.arpa" },
        }, 0);
        var guest = V4("guest", new DhcpV4ServiceSpec
        {
            ValidLifetime = 600,
            Subnets = [new DhcpSubnet4 { Subnet = "10.0.2.0/24" }, new DhcpSubnet4 { Subnet = "10.0.3.0/24", ValidLifetime = 300 }],
        }, 1);

        var rendering = KeaDhcp4ConfigRenderer.Render([lan, guest], Template4);

        Assert.Equal(
            [
                """{"valid-lifetime":7200,"renew-timer":1800,"rebind-timer":3600,"ddns-send-updates":true}""",
                """{"valid-lifetime":600,"ddns-send-updates":false}""",
                """{"valid-lifetime":300,"ddns-send-updates":false}""",
            ],
            Subnets(rendering).Select(s => Pick(s, "valid-lifetime", "renew-timer", "rebind-timer", "ddns-send-updates")));
    }

    private static string Pick(System.Text.Json.Nodes.JsonObject subnet, params string[] names)
    {
        var picked = new System.Text.Json.Nodes.JsonObject();
        foreach (var name in names.Where(subnet.ContainsKey))
        {
            picked[name] = subnet[name]!.DeepClone();
        }

        return picked.ToJsonString();
    }
}
