using Fos1.Corefile.Model;
using Fos1.Corefile.Validation;

namespace Fos1.Corefile.Tests;

public sealed class CorefileSpecValidatorTests
{
    private static readonly CorefileSpec Valid = SeedDnsZone.Spec(PublishMode.Grpc);

    private static CorefileSpecError Single(CorefileSpec spec) => Assert.Single(CorefileSpecValidator.Validate(spec));

    [Fact]
    public void The_seed_spec_in_every_mode_is_valid()
    {
        foreach (var mode in Enum.GetValues<PublishMode>())
        {
            Assert.Empty(CorefileSpecValidator.Validate(SeedDnsZone.Spec(mode)));
        }
    }

    [Theory]
    [InlineData("exa mple.com", "'exa mple'")]
    [InlineData("example.com{", "letters, digits")]
    [InlineData("-bad.example.com", "not at its ends")]
    [InlineData("a..b", "")]
    [InlineData(".", "root zone")]
    [InlineData("", "root zone")]
    public void An_invalid_zone_name_is_an_error_naming_the_zone_and_the_field(string zone, string reason)
    {
        var error = Single(Valid with { Zones = [ZoneBlock.Grpc(zone, "127.0.0.1:5300")] });
        Assert.Equal(zone, error.Zone);
        Assert.Equal("Zone", error.Field);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_zone_twice_in_any_spelling_is_an_error()
    {
        var error = Single(Valid with
        {
            Zones = [ZoneBlock.Grpc("home.arpa", "127.0.0.1:5300"), ZoneBlock.File("Home.ARPA.", "/z/home.arpa.zone", TimeSpan.Zero)],
        });
        Assert.Equal(("Home.ARPA.", "Zone"), (error.Zone, error.Field));
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 8080, 8181, 9153, "ListenPort")]
    [InlineData(53, 65536, 8181, 9153, "HealthPort")]
    [InlineData(53, 8080, -1, 9153, "ReadyPort")]
    [InlineData(53, 8080, 8181, 70000, "PrometheusPort")]
    [InlineData(53, 8080, 8080, 9153, "HealthPort/ReadyPort/PrometheusPort")]
    public void A_port_out_of_range_or_shared_is_an_error_naming_the_field(int listen, int health, int ready, int prometheus, string field) =>
        Assert.Equal(field, Single(Valid with { ListenPort = listen, HealthPort = health, ReadyPort = ready, PrometheusPort = prometheus }).Field);

    [Fact]
    public void A_root_block_without_upstreams_is_an_error() =>
        Assert.Equal((null, "Upstreams"), (Single(Valid with { Upstreams = [] }).Zone, Single(Valid with { Upstreams = [] }).Field));

    [Fact]
    public void Without_a_root_block_no_upstream_is_needed() =>
        Assert.Empty(CorefileSpecValidator.Validate(Valid with { IncludeRoot = false, Upstreams = [] }));

    [Fact]
    public void Neither_a_root_block_nor_zones_is_an_error() =>
        Assert.Equal("Zones", Single(Valid with { IncludeRoot = false, Zones = [] }).Field);

    [Theory]
    [InlineData("9.9.9.9 }")]
    [InlineData("# comment")]
    [InlineData("")]
    public void An_upstream_that_would_change_the_Corefile_structure_is_an_error(string upstream) =>
        Assert.Equal("Upstreams", Single(Valid with { Upstreams = [upstream] }).Field);

    [Fact]
    public void More_than_fifteen_upstreams_is_an_error() =>
        Assert.Equal("Upstreams", Single(Valid with { Upstreams = Enumerable.Range(1, 16).Select(i => $"10.0.0.{i}").ToArray() }).Field);

    [Theory]
    [InlineData(1)]
    [InlineData(1.5)]
    public void A_Corefile_reload_interval_CoreDNS_would_refuse_is_an_error(double seconds) =>
        Assert.Equal("ReloadInterval", Single(Valid with { ReloadInterval = TimeSpan.FromSeconds(seconds) }).Field);

    [Theory]
    [InlineData(null)]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("localhost:5300")]
    [InlineData("127.0.0.1:0")]
    public void Grpc_mode_needs_an_address_with_a_port(string? address)
    {
        var error = Single(Valid with { Zones = [new ZoneBlock { Zone = "home.arpa", Mode = PublishMode.Grpc, GrpcAddress = address }] });
        Assert.Equal(("home.arpa", "GrpcAddress"), (error.Zone, error.Field));
    }

    [Fact]
    public void Grpc_mode_accepts_a_bracketed_IPv6_address_with_a_port() =>
        Assert.Empty(CorefileSpecValidator.Validate(Valid with { Zones = [ZoneBlock.Grpc("home.arpa", "[::1]:5300")] }));

    [Theory]
    [InlineData("")]
    [InlineData("primary.example.com")]
    [InlineData("10.0.0.1,10.0.0.2 }")]
    public void Secondary_mode_needs_primaries_given_as_addresses(string primaries)
    {
        var list = primaries.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var error = Single(Valid with { Zones = [ZoneBlock.Secondary("home.arpa", list)] });
        Assert.Equal(("home.arpa", "Primaries"), (error.Zone, error.Field));
    }

    [Theory]
    [InlineData(null, 30, "FilePath")]
    [InlineData("/zones/home arpa.zone", 30, "FilePath")]
    [InlineData("/zones/home.arpa.zone", -1, "FileReload")]
    [InlineData("/zones/home.arpa.zone", 0.5, "FileReload")]
    public void File_mode_needs_a_path_and_a_whole_second_reload(string? path, double reloadSeconds, string field)
    {
        var error = Single(Valid with
        {
            Zones = [new ZoneBlock { Zone = "home.arpa", Mode = PublishMode.File, FilePath = path, FileReload = TimeSpan.FromSeconds(reloadSeconds) }],
        });
        Assert.Equal(("home.arpa", field), (error.Zone, error.Field));
    }

    [Fact]
    public void A_negative_cache_is_an_error_naming_the_zone() =>
        Assert.Equal(("home.arpa", "CacheSeconds"),
            Single(Valid with { Zones = [ZoneBlock.Grpc("home.arpa", "127.0.0.1:5300", cacheSeconds: -1)] }) is var e ? (e.Zone, e.Field) : default);

    [Fact]
    public void Rendering_an_invalid_spec_throws_every_error_in_one_message()
    {
        var spec = Valid with { Upstreams = [], Zones = [ZoneBlock.Secondary("home.arpa", []), ZoneBlock.Grpc("a b", "x")] };
        var error = Assert.Throws<InvalidCorefileSpecException>(() => new CorefileRenderer().Render(spec));
        Assert.Equal(4, error.Errors.Count);
        Assert.Contains("zone 'home.arpa', Primaries:", error.Message, StringComparison.Ordinal);
        Assert.Contains("zone 'a b', GrpcAddress:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Upstreams:", error.Message, StringComparison.Ordinal);
    }
}
