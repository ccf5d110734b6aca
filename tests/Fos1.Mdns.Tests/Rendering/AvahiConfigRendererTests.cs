using Fos1.Crds.Dns;
using Fos1.Mdns.Rendering;
using static Fos1.Mdns.Tests.Rendering.Reflectors;

namespace Fos1.Mdns.Tests.Rendering;

public sealed class AvahiConfigRendererTests
{
    private static readonly string[] Node = ["lo", "eth0", "vlan20", "vlan30"];

    [Fact]
    public void A_reflector_with_defaults_renders_a_reflector_only_daemon_on_exactly_its_interfaces()
    {
        var rendering = AvahiConfigRenderer.Render([Reflector(new() { Interfaces = ["vlan20", "eth0"] })], Node);

        Assert.Equal(
            """
            # Rendered from MDNSReflector network/home.
            # Written by the Fos1 config sidecar and replaced on every change: do not edit.

            [server]
            use-ipv4=yes
            use-ipv6=yes
            allow-interfaces=eth0,vlan20
            enable-dbus=no

            [wide-area]
            enable-wide-area=no

            [publish]
            disable-publishing=yes

            [reflector]
            enable-reflector=yes
            reflect-ipv=no

            """,
            rendering.Text);
        Assert.True(rendering.Reflecting);
        var outcome = Assert.Single(rendering.Outcomes);
        Assert.Equal(
            ("network", "home", 1L, MdnsReflectorState.Applied, "avahi reflects mDNS between eth0, vlan20"),
            (outcome.Namespace, outcome.Name, outcome.Generation ?? 0, outcome.State, outcome.Message));
        Assert.Empty(outcome.UnknownInterfaces);
        Assert.Same(outcome, rendering.Effective);
    }

    [Fact]
    public void Every_spec_field_reaches_its_avahi_key()
    {
        var spec = new MdnsReflectorSpec
        {
            Interfaces = ["eth0", "vlan30"],
            Ipv4 = true,
            Ipv6 = true,
            ReflectIpv = true,
            Filters = ["_ipp._tcp.local", "_airplay._tcp.local"],
        };

        var text = AvahiConfigRenderer.Render([Reflector(spec)], Node).Text;

        Assert.Contains("\n[reflector]\nenable-reflector=yes\nreflect-ipv=yes\nreflect-filters=_airplay._tcp.local,_ipp._tcp.local\n", text, StringComparison.Ordinal);
        Assert.Contains("\nallow-interfaces=eth0,vlan30\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ipv4_only_renders_use_ipv6_no()
    {
        var text = AvahiConfigRenderer.Render([Reflector(new() { Interfaces = ["eth0"], Ipv6 = false })], Node).Text;

        Assert.Contains("\nuse-ipv4=yes\nuse-ipv6=no\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_reflector_renders_enable_reflector_no_and_never_reflect_ipv()
    {
        var spec = new MdnsReflectorSpec { Interfaces = ["eth0", "vlan20"], Enabled = false, ReflectIpv = true };

        var rendering = AvahiConfigRenderer.Render([Reflector(spec)], Node);

        Assert.Contains("\n[reflector]\nenable-reflector=no\nreflect-ipv=no\n", rendering.Text, StringComparison.Ordinal);
        Assert.False(rendering.Reflecting);
        var outcome = Assert.Single(rendering.Outcomes);
        Assert.Equal(MdnsReflectorState.Applied, outcome.State);
        Assert.Equal("reflection is disabled (spec.enabled=false); avahi listens on eth0, vlan20", outcome.Message);
    }

    [Fact]
    public void Interfaces_the_node_lacks_are_left_out_and_reported()
    {
        var rendering = AvahiConfigRenderer.Render([Reflector(new() { Interfaces = ["eth0", "wlan0", "vlan20", "vlan99"] })], Node);

        Assert.Contains("\nallow-interfaces=eth0,vlan20\n", rendering.Text, StringComparison.Ordinal);
        var outcome = Assert.Single(rendering.Outcomes);
        Assert.Equal(MdnsReflectorState.Applied, outcome.State);
        Assert.Equal(["wlan0", "vlan99"], outcome.UnknownInterfaces);
        Assert.Equal("avahi reflects mDNS between eth0, vlan20; not on this node, left out: wlan0, vlan99", outcome.Message);
    }

    [Fact]
    public void Interface_names_match_exactly_not_by_case_or_prefix()
    {
        var rendering = AvahiConfigRenderer.Render([Reflector(new() { Interfaces = ["ETH0", "vlan2", "eth0"] })], Node);

        Assert.Contains("\nallow-interfaces=eth0\n", rendering.Text, StringComparison.Ordinal);
        Assert.Equal(["ETH0", "vlan2"], Assert.Single(rendering.Outcomes).UnknownInterfaces);
    }

    [Fact]
    public void A_reflector_none_of_whose_interfaces_exists_is_invalid_and_reflection_stays_off()
    {
        var rendering = AvahiConfigRenderer.Render([Reflector(new() { Interfaces = ["wlan0", "br-lan"] })], ["lo", "eth0"]);

        var outcome = Assert.Single(rendering.Outcomes);
        Assert.Equal(MdnsReflectorState.Invalid, outcome.State);
        Assert.Equal("none of spec.interfaces exists on this node (wlan0, br-lan); it has eth0, lo", outcome.Message);
        Assert.Equal(["wlan0", "br-lan"], outcome.UnknownInterfaces);
        Assert.Null(rendering.Effective);
        Assert.False(rendering.Reflecting);
        Assert.Equal(Dormant, rendering.Text);
    }

    [Fact]
    public void A_spec_that_fails_validation_is_invalid_with_the_validators_message()
    {
        var rendering = AvahiConfigRenderer.Render([Reflector(new() { Interfaces = ["eth*"], Ipv4 = false, Ipv6 = false })], Node);

        var outcome = Assert.Single(rendering.Outcomes);
        Assert.Equal(MdnsReflectorState.Invalid, outcome.State);
        Assert.Equal(
            "spec.interfaces[0]: 'eth*' has a wildcard; list exact interface names; spec: at least one of ipv4 / ipv6 must be enabled",
            outcome.Message);
        Assert.Equal(Dormant, rendering.Text);
    }

    [Fact]
    public void A_resource_without_spec_is_invalid()
    {
        var reflector = Reflector(new() { Interfaces = ["eth0"] });
        reflector.Spec = null;

        var outcome = Assert.Single(AvahiConfigRenderer.Render([reflector], Node).Outcomes);

        Assert.Equal((MdnsReflectorState.Invalid, "the resource has no spec"), (outcome.State, outcome.Message));
    }

    [Fact]
    public void Without_reflectors_avahi_keeps_running_with_reflection_and_publishing_off()
    {
        var rendering = AvahiConfigRenderer.Render([], Node);

        Assert.Equal(Dormant, rendering.Text);
        Assert.Empty(rendering.Outcomes);
        Assert.Null(rendering.Effective);
    }

    [Fact]
    public void Of_two_reflectors_the_older_is_applied_and_the_newer_is_a_conflict()
    {
        var older = Reflector(new() { Interfaces = ["eth0", "vlan20"] }, name: "first", created: Monday);
        var newer = Reflector(new() { Interfaces = ["eth0", "vlan30"] }, name: "second", ns: "a-team", created: Monday.AddHours(1), generation: 4);

        var rendering = AvahiConfigRenderer.Render([newer, older], Node);

        Assert.Contains("\nallow-interfaces=eth0,vlan20\n", rendering.Text, StringComparison.Ordinal);
        Assert.Equal(["a-team/second", "network/first"], rendering.Outcomes.Select(o => $"{o.Namespace}/{o.Name}"));
        var conflict = rendering.Outcomes[0];
        Assert.Equal(MdnsReflectorState.Conflict, conflict.State);
        Assert.Equal(4, conflict.Generation);
        Assert.Equal("MDNSReflector network/first is in effect (created earlier); one avahi-daemon has one reflector configuration", conflict.Message);
        Assert.Equal(MdnsReflectorState.Applied, rendering.Outcomes[1].State);
        Assert.Equal("first", rendering.Effective?.Name);
    }

    [Fact]
    public void Reflectors_created_at_the_same_second_are_ordered_by_namespace_and_name()
    {
        var b = Reflector(new() { Interfaces = ["vlan30"] }, name: "b");
        var a = Reflector(new() { Interfaces = ["vlan20"] }, name: "a");

        var rendering = AvahiConfigRenderer.Render([b, a], Node);

        Assert.Equal("a", rendering.Effective?.Name);
        Assert.Equal(MdnsReflectorState.Conflict, rendering.Outcomes.Single(o => o.Name == "b").State);
    }

    [Fact]
    public void An_older_invalid_reflector_does_not_block_a_newer_valid_one()
    {
        var older = Reflector(new() { Interfaces = ["wlan0"] }, name: "old", created: Monday);
        var newer = Reflector(new() { Interfaces = ["eth0"] }, name: "new", created: Monday.AddDays(1));

        var rendering = AvahiConfigRenderer.Render([older, newer], Node);

        Assert.Equal("new", rendering.Effective?.Name);
        Assert.Equal(MdnsReflectorState.Invalid, rendering.Outcomes.Single(o => o.Name == "old").State);
    }

    [Fact]
    public void Reordering_interfaces_or_filters_renders_the_same_text_so_avahi_is_not_restarted()
    {
        var one = Reflector(new() { Interfaces = ["vlan20", "eth0"], Filters = ["_b._tcp.local", "_a._tcp.local"] }, generation: 1);
        var two = Reflector(new() { Interfaces = ["eth0", "vlan20"], Filters = ["_a._tcp.local", "_b._tcp.local"] }, generation: 2);

        Assert.Equal(AvahiConfigRenderer.Render([one], Node).Text, AvahiConfigRenderer.Render([two], Node).Text);
    }

    [Fact]
    public void Options_turn_on_dbus_and_publishing_the_host_name()
    {
        var options = new AvahiRenderOptions { Dbus = AvahiDbus.Warn, PublishHostName = true, HostName = "gateway" };

        var text = AvahiConfigRenderer.Render([Reflector(new() { Interfaces = ["eth0"] })], Node, options).Text;

        Assert.Contains("\n[server]\nhost-name=gateway\nuse-ipv4=yes\nuse-ipv6=yes\nallow-interfaces=eth0\nenable-dbus=warn\n", text, StringComparison.Ordinal);
        Assert.Contains("\n[publish]\npublish-addresses=yes\npublish-hinfo=no\npublish-workstation=no\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("disable-publishing", text, StringComparison.Ordinal);
    }

    private const string Dormant = """
        # No MDNSReflector applies on this node: reflection is off.
        # Written by the Fos1 config sidecar and replaced on every change: do not edit.

        [server]
        use-ipv4=yes
        use-ipv6=yes
        enable-dbus=no

        [wide-area]
        enable-wide-area=no

        [publish]
        disable-publishing=yes

        [reflector]
        enable-reflector=no
        reflect-ipv=no

        """;
}
