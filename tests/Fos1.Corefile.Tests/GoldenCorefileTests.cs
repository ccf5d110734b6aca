using Fos1.Corefile.Model;
using Fos1.Corefile.Templates;

namespace Fos1.Corefile.Tests;

/// <summary>
/// CoreDNS is not packaged for Debian 12 and nothing may be downloaded here, so no test can load the
/// rendered Corefile into CoreDNS: the golden files were written by hand from the plugin READMEs
/// (grpc, secondary, file, forward, cache, reload, health, ready, prometheus) and are compared exactly.
/// </summary>
public sealed class GoldenCorefileTests
{
    private static readonly CorefileRenderer Renderer = new();

    [Theory]
    [InlineData(PublishMode.Grpc, "example-com-grpc")]
    [InlineData(PublishMode.Secondary, "example-com-secondary")]
    [InlineData(PublishMode.File, "example-com-file")]
    public void The_seed_DNSZone_in_each_publish_mode_matches_the_golden_Corefile_because_CoreDNS_cannot_be_installed_here(
        PublishMode mode, string golden) =>
        AssertGolden(golden, Renderer.Render(SeedDnsZone.Spec(mode)));

    [Fact]
    public void A_home_lab_with_every_mode_a_PTRZone_and_custom_settings_matches_the_golden_Corefile_because_CoreDNS_cannot_be_installed_here() =>
        AssertGolden("home-lab", Renderer.Render(HomeLab()));

    [Fact]
    public void Zones_without_a_root_block_carry_the_process_plugins_in_the_first_zone_and_match_the_golden_Corefile_because_CoreDNS_cannot_be_installed_here() =>
        AssertGolden("zones-only", Renderer.Render(new CorefileSpec
        {
            IncludeRoot = false,
            Zones = [ZoneBlock.Grpc("home.arpa", "127.0.0.1:5300"), ZoneBlock.Grpc("Guest.Home.Arpa.", "127.0.0.1:5300", cacheSeconds: 2)],
        }));

    [Fact]
    public void The_order_of_the_zones_in_the_spec_does_not_change_the_Corefile()
    {
        var spec = HomeLab();
        var reversed = spec with { Zones = spec.Zones.Reverse().ToArray() };
        Assert.Equal(Renderer.Render(spec), Renderer.Render(reversed));
    }

    [Fact]
    public void The_templates_in_the_repository_folder_render_the_same_Corefile_as_the_built_in_ones() =>
        Assert.Equal(
            Renderer.Render(HomeLab()),
            new CorefileRenderer(CorefileTemplates.FromDirectory(RepositoryFolder.CorefileTemplates)).Render(HomeLab()));

    [Fact]
    public void The_Corefile_ends_with_exactly_one_newline()
    {
        var text = Renderer.Render(HomeLab());
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_with_a_placeholder_the_renderer_does_not_know_fails_the_render()
    {
        var builtIn = CorefileTemplates.BuiltIn;
        var broken = builtIn with { ZoneGrpc = new CorefileTemplate("zone-grpc.tmpl", "grpc . {{grpc_address}} {\n    tls {{tls_cert}}\n}") };
        var error = Assert.Throws<CorefileTemplateException>(() => new CorefileRenderer(broken).Render(SeedDnsZone.Spec(PublishMode.Grpc)));
        Assert.Contains("{{tls_cert}}", error.Message, StringComparison.Ordinal);
    }

    private static CorefileSpec HomeLab() => new()
    {
        ListenPort = 1053,
        Upstreams = ["9.9.9.9", "149.112.112.112"],
        RootCacheSeconds = 60,
        Log = false,
        ReloadInterval = TimeSpan.FromSeconds(10),
        HealthPort = 18080,
        ReadyPort = 18181,
        PrometheusPort = 19153,
        Zones =
        [
            ZoneBlock.File(ReverseZoneName.For("2001:db8::/32"), "/zones/8.b.d.0.1.0.0.2.ip6.arpa.zone", TimeSpan.FromSeconds(90)),
            ZoneBlock.Grpc("home.arpa", "127.0.0.1:5300", cacheSeconds: 5),
            ZoneBlock.Secondary(ReverseZoneName.For("192.168.1.0/24"), ["10.0.0.53", "[fd00::53]:5301"]),
        ],
    };

    private static void AssertGolden(string name, string actual)
    {
        var path = RepositoryFolder.Golden(name);
        Assert.True(File.Exists(path), $"golden file {path} is missing; the rendered text was:\n{actual}");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
