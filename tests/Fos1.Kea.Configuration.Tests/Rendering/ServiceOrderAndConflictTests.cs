using System.Text.Json.Nodes;
using Fos1.Crds.Dhcp;
using Fos1.Kea.Configuration.Rendering;
using static Fos1.Kea.Configuration.Tests.Resources;

namespace Fos1.Kea.Configuration.Tests.Rendering;

public sealed class ServiceOrderAndConflictTests
{
    [Fact]
    public void Subnets_follow_creation_time_then_name_whatever_order_the_lister_returns()
    {
        var older = V4("zeta", Subnet4("10.0.1.0/24", id: 11), minutesAfterT0: 0);
        var sameTimeA = V4("alpha", Subnet4("10.0.2.0/24", id: 12), minutesAfterT0: 5);
        var sameTimeB = V4("beta", Subnet4("10.0.3.0/24", id: 13), minutesAfterT0: 5);

        var rendering = KeaDhcp4ConfigRenderer.Render([sameTimeB, older, sameTimeA], Template4);

        Assert.Equal(["zeta", "alpha", "beta"], rendering.Outcomes.Select(o => o.Name));
        Assert.Equal(["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"], Subnets(rendering).Select(s => (string)s["subnet"]!));
    }

    [Fact]
    public void A_later_service_overlapping_an_earlier_subnet_is_left_out_as_a_conflict_and_the_rest_renders()
    {
        var first = V4("first", Subnet4("10.0.0.0/16"), minutesAfterT0: 0);
        var overlapping = V4("second", Subnet4("10.0.5.0/24"), minutesAfterT0: 1);
        var third = V4("third", Subnet4("10.1.0.0/24"), minutesAfterT0: 2);

        var rendering = KeaDhcp4ConfigRenderer.Render([overlapping, third, first], Template4);

        var conflict = rendering.OutcomeOf("default", "second")!;
        Assert.Equal(ServiceOutcomeKind.Conflict, conflict.Kind);
        Assert.Equal("subnet 10.0.5.0/24 overlaps 10.0.0.0/16 of default/first", conflict.Reason);
        Assert.Empty(conflict.SubnetIds);
        Assert.Equal(["10.0.0.0/16", "10.1.0.0/24"], Subnets(rendering).Select(s => (string)s["subnet"]!));
    }

    [Fact]
    public void A_later_service_asking_for_a_taken_subnet_id_is_a_conflict()
    {
        var rendering = KeaDhcp4ConfigRenderer.Render(
            [V4("a", Subnet4("10.0.1.0/24", id: 7), 0), V4("b", Subnet4("10.0.2.0/24", id: 7), 1)], Template4);

        Assert.Equal("subnet id 7 of 10.0.2.0/24 is already used by default/a", rendering.OutcomeOf("default", "b")!.Reason);
        Assert.Equal(ServiceOutcomeKind.Conflict, rendering.OutcomeOf("default", "b")!.Kind);
    }

    [Fact]
    public void An_invalid_service_is_reported_with_the_field_and_the_rest_renders()
    {
        var badPool = V4("bad", Subnet4("10.0.1.0/24", null, Pool("10.0.2.1", "10.0.2.9")), 0);
        var noDomain = V4("nodomain", Subnet4("10.0.3.0/24") with { DnsUpdates = new DnsUpdates { Enabled = true } }, 1);
        var bothIds = V4("both", new DhcpV4ServiceSpec
        {
            Subnets = [new DhcpSubnet4 { Subnet = "10.0.4.0/24", Reservations = [new DhcpReservation4 { HwAddress = "aa:bb:cc:dd:ee:ff", ClientId = "01:aa", IpAddress = "10.0.4.5" }] }],
        }, 2);
        var hostBits = V4("hostbits", Subnet4("10.0.5.1/24"), 3);
        var good = V4("good", Subnet4("10.0.9.0/24"), 4);

        var rendering = KeaDhcp4ConfigRenderer.Render([badPool, noDomain, bothIds, hostBits, good], Template4);

        Assert.Equal(
            [
                (ServiceOutcomeKind.Invalid, "spec.subnets[0].pools[0].start: 10.0.2.1 is outside subnet 10.0.1.0/24; spec.subnets[0].pools[0].end: 10.0.2.9 is outside subnet 10.0.1.0/24"),
                (ServiceOutcomeKind.Invalid, "spec.dnsupdates.domain: is required when dnsupdates are enabled"),
                (ServiceOutcomeKind.Invalid, "spec.subnets[0].reservations[0]: give hwAddress or clientId, not both"),
                (ServiceOutcomeKind.Invalid, "spec.subnets[0].subnet: '10.0.5.1/24' is not a network prefix (address/length without host bits)"),
                (ServiceOutcomeKind.Included, (string?)null),
            ],
            rendering.Outcomes.Select(o => (o.Kind, o.Reason)));
        Assert.Equal(["10.0.9.0/24"], Subnets(rendering).Select(s => (string)s["subnet"]!));
    }

    [Fact]
    public void A_service_without_a_spec_is_invalid()
    {
        var empty = V4("empty", Subnet4("10.0.1.0/24"));
        empty.Spec = null;

        var outcome = Assert.Single(KeaDhcp4ConfigRenderer.Render([empty], Template4).Outcomes);

        Assert.Equal((ServiceOutcomeKind.Invalid, "spec is missing"), (outcome.Kind, outcome.Reason));
    }

    [Fact]
    public void Derived_subnet_ids_are_stable_and_do_not_depend_on_other_services()
    {
        var alone = KeaDhcp4ConfigRenderer.Render([V4("lan", Subnet4("192.168.1.0/24"), 5)], Template4);
        var withOthers = KeaDhcp4ConfigRenderer.Render(
            [V4("iot", Subnet4("192.168.2.0/24"), 0), V4("lan", Subnet4("192.168.1.0/24"), 5), V4("guest", Subnet4("192.168.3.0/24", id: 1), 9)],
            Template4);

        var id = Assert.Single(alone.OutcomeOf("default", "lan")!.SubnetIds);
        Assert.Equal(id, Assert.Single(withOthers.OutcomeOf("default", "lan")!.SubnetIds));
        Assert.Equal(SubnetIdAllocator.StableId(System.Net.IPNetwork.Parse("192.168.1.0/24")), id);
        Assert.InRange(id, 1u, uint.MaxValue - 1);
    }

    [Fact]
    public void A_derived_id_that_collides_takes_the_next_free_one()
    {
        var derived = SubnetIdAllocator.StableId(System.Net.IPNetwork.Parse("10.7.0.0/24"));
        var rendering = KeaDhcp4ConfigRenderer.Render(
            [V4("later-created-but-explicit", Subnet4("10.8.0.0/24", id: derived), 9), V4("derived", Subnet4("10.7.0.0/24"), 0)], Template4);

        Assert.Equal([derived + 1], rendering.OutcomeOf("default", "derived")!.SubnetIds);
        Assert.Equal([derived], rendering.OutcomeOf("default", "later-created-but-explicit")!.SubnetIds);
    }

    [Fact]
    public void The_id_after_the_largest_wraps_to_one()
    {
        var allocator = new SubnetIdAllocator([SubnetIdAllocator.MaxId - 1, SubnetIdAllocator.MaxId, 1]);

        Assert.Equal(2u, allocator.AllocateFrom(SubnetIdAllocator.MaxId - 1));
    }

    [Fact]
    public void Interfaces_are_the_union_of_the_services_and_the_template_default_for_those_naming_none()
    {
        var rendering = KeaDhcp4ConfigRenderer.Render(
            [
                V4("a", Subnet4("10.0.1.0/24") with { Interfaces = ["eth1", "eth2"] }, 0),
                V4("b", Subnet4("10.0.2.0/24") with { Interfaces = ["eth2", "eth3"] }, 1),
                V4("c", Subnet4("10.0.3.0/24"), 2),
            ],
            Template4,
            new KeaRenderOptions { DefaultInterfaces = ["lan0"] });

        Assert.Equal(["eth1", "eth2", "eth3", "lan0"], Body(rendering)["interfaces-config"]!["interfaces"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void Options_replace_the_template_paths_and_keep_both_lease_hooks()
    {
        var rendering = KeaDhcp4ConfigRenderer.Render(
            [V4("a", Subnet4("10.0.1.0/24"))],
            Template4,
            new KeaRenderOptions { ControlSocketPath = "/tmp/x/sock", LeaseFile = "/tmp/x/leases4.csv", HookScriptPath = "/opt/hook.sh" });

        var body = Body(rendering);
        Assert.Equal("/tmp/x/sock", (string)body["control-socket"]!["socket-name"]!);
        Assert.Equal("/tmp/x/leases4.csv", (string)body["lease-database"]!["name"]!);
        Assert.Equal(
            [
                """{"library":"/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_run_script.so","parameters":{"name":"/opt/hook.sh","sync":false}}""",
                """{"library":"/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_lease_cmds.so"}""",
            ],
            body["hooks-libraries"]!.AsArray().Select(h => h!.ToJsonString()));
    }

    [Fact]
    public void The_hash_changes_with_the_configuration_and_not_with_member_order()
    {
        var a = KeaDhcp4ConfigRenderer.Render([V4("a", Subnet4("10.0.1.0/24"))], Template4);
        var b = KeaDhcp4ConfigRenderer.Render([V4("a", Subnet4("10.0.1.0/24") with { ValidLifetime = 7200 })], Template4);

        Assert.Equal(a.ConfigHash, KeaConfigHash.Compute(a.Config));
        Assert.NotEqual(a.ConfigHash, b.ConfigHash);
        Assert.StartsWith("sha256:", a.ConfigHash, StringComparison.Ordinal);
        Assert.Equal(KeaConfigHash.Compute(JsonNode.Parse("""{"x":1,"y":[1,{"b":2,"a":1}]}""")), KeaConfigHash.Compute(JsonNode.Parse("""{"y":[1,{"a":1,"b":2}],"x":1}""")));
    }

    internal static JsonObject Body(KeaConfigRendering rendering) => rendering.Config[rendering.Family == 6 ? "Dhcp6" : "Dhcp4"]!.AsObject();

    internal static IEnumerable<JsonObject> Subnets(KeaConfigRendering rendering) =>
        Body(rendering)[rendering.Family == 6 ? "subnet6" : "subnet4"]!.AsArray().Select(s => s!.AsObject());
}
