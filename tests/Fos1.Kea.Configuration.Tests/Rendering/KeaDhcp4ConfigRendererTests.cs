using System.Text.Json;
using Fos1.Crds.Dhcp;
using Fos1.Kea.Configuration.Rendering;
using static Fos1.Kea.Configuration.Tests.Resources;

namespace Fos1.Kea.Configuration.Tests.Rendering;

public sealed class KeaDhcp4ConfigRendererTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public void The_seed_example_renders_into_the_shipped_template()
    {
        // manifests/examples/seed-dhcpv4service.yaml, as the API server hands it over after defaulting.
        var seed = V4("main-network", new DhcpV4ServiceSpec
        {
            Subnets = [new DhcpSubnet4 { Subnet = "192.168.1.0/24", Pools = [Pool("192.168.1.100", "192.168.1.200")] }],
            DnsUpdates = new DnsUpdates { Enabled = true, Domain = "example.local" },
        });

        var rendering = KeaDhcp4ConfigRenderer.Render([seed], Template4);

        var golden = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rendering", "Golden", "seed-dhcpv4service.json"));
        Assert.Equal(golden.TrimEnd(), rendering.Config.ToJsonString(Indented));
        Assert.Equal(ServiceOutcomeKind.Included, Assert.Single(rendering.Outcomes).Kind);
        Assert.Equal(KeaConfigHash.Compute(rendering.Config), rendering.ConfigHash);
    }
}
