using Fos1.Crds.Dns;
using Fos1.Sidecars.Dns.Zones;

namespace Fos1.Integration.Tests.DnsSidecar.Resources;

/// <summary>
/// DNSZone/PTRZone resources applied to the running zone side: real nsupdate (bind9-dnsutils) and real dig AXFR
/// against the in-process server.
/// </summary>
public sealed class ZoneCrApplierTests
{
    private static DnsZoneSpec Home(string www = "192.168.1.10", bool dynamic = true) => new()
    {
        Domain = "home.arpa",
        Ttl = 600,
        NameServers = ["ns.home.arpa"],
        Records =
        [
            new StaticRecord { Name = "ns", Type = "A", Value = "192.168.1.1" },
            new StaticRecord { Name = "www", Type = "A", Value = www, Ttl = 300 },
            new StaticRecord { Name = "@", Type = "MX", Value = "10 mail.home.arpa." },
        ],
        DynamicUpdates = new DynamicUpdates { Enabled = dynamic, Keys = dynamic ? ["kea-ddns"] : [] },
    };

    private static DnsZoneSpec Lab() => new()
    {
        Domain = "lab.example",
        Records = [new StaticRecord { Name = "printer", Type = "A", Value = "10.0.0.9" }],
    };

    private static PtrZoneSpec Reverse() => new()
    {
        Network = "192.168.1.0/24",
        NameServers = ["ns.home.arpa"],
        Records = [new PtrRecord { Address = "192.168.1.10", Hostname = "www.home.arpa" }],
        DynamicUpdates = new DynamicUpdates { Enabled = true, Keys = ["kea-ddns"] },
    };

    [Fact]
    public async Task Applied_resources_serve_their_static_records_accept_updates_only_where_dynamic_and_render_the_Corefile()
    {
        var stack = ResourceStack.Start();
        try
        {
            var outcomes = await stack.ApplyAsync([ResourceStack.Zone("home", Home()), ResourceStack.Zone("lab", Lab())], [ResourceStack.Ptr("lan", Reverse())]);

            Assert.Equal(
                ["DNSZone net/home Serving home.arpa 1", "DNSZone net/lab Serving lab.example 1", "PTRZone net/lan Serving 1.168.192.in-addr.arpa 1"],
                outcomes.Select(o => $"{o.Kind} {o.Namespace}/{o.Name} {o.State} {o.Zone?.Text} {o.Serial}").Order());
            var status = outcomes.First(o => o.Name == "home").ToStatus(DateTimeOffset.UnixEpoch);
            Assert.Equal(("home.arpa.", 1u, "True", "Serving"), (status.Zone, status.Serial, status.Conditions[0].Status, status.Conditions[0].Reason));

            var dynamicUpdate = await stack.UpdateAsync("home.arpa", "update add pc.home.arpa. 300 A 192.168.1.50");
            Assert.True(dynamicUpdate.ExitCode == 0, dynamicUpdate.StandardError);
            var ptrUpdate = await stack.UpdateAsync("1.168.192.in-addr.arpa", "update add 50.1.168.192.in-addr.arpa. 300 PTR pc.home.arpa.");
            Assert.True(ptrUpdate.ExitCode == 0, ptrUpdate.StandardError);
            var staticOnly = await stack.UpdateAsync("lab.example", "update add pc.lab.example. 300 A 10.0.0.50");
            Assert.Contains("REFUSED", staticOnly.StandardError, StringComparison.Ordinal);

            Assert.Equal(
            [
                "home.arpa. 600 in soa ns.home.arpa. hostmaster.home.arpa. 2 3600 600 604800 300",
                "home.arpa. 600 in ns ns.home.arpa.",
                "home.arpa. 600 in mx 10 mail.home.arpa.",
                "ns.home.arpa. 600 in a 192.168.1.1",
                "pc.home.arpa. 300 in a 192.168.1.50",
                "www.home.arpa. 300 in a 192.168.1.10",
                "home.arpa. 600 in soa ns.home.arpa. hostmaster.home.arpa. 2 3600 600 604800 300",
            ], await stack.AxfrAsync("home.arpa"));
            Assert.Contains("1.168.192.in-addr.arpa. 3600 in soa ns.1.168.192.in-addr.arpa. hostmaster.1.168.192.in-addr.arpa. 2 3600 600 604800 300", await stack.AxfrAsync("1.168.192.in-addr.arpa"));
            Assert.Contains("10.1.168.192.in-addr.arpa. 3600 in ptr www.home.arpa.", await stack.AxfrAsync("1.168.192.in-addr.arpa"));

            var corefile = await File.ReadAllTextAsync(stack.CorefilePath);
            Assert.Contains("home.arpa:53 {", corefile, StringComparison.Ordinal);
            Assert.Contains("lab.example:53 {", corefile, StringComparison.Ordinal);
            Assert.Contains("1.168.192.in-addr.arpa:53 {", corefile, StringComparison.Ordinal);
        }
        finally
        {
            await stack.DisposeAsync();
            stack.DeleteDirectory();
        }
    }

    [Fact]
    public async Task Editing_a_static_record_changes_exactly_that_RRset_and_a_dynamic_record_survives()
    {
        var stack = ResourceStack.Start();
        try
        {
            await stack.ApplyAsync([ResourceStack.Zone("home", Home())]);
            var update = await stack.UpdateAsync("home.arpa", "update add pc.home.arpa. 300 A 192.168.1.50");
            Assert.True(update.ExitCode == 0, update.StandardError);
            var before = await stack.AxfrAsync("home.arpa");

            var outcomes = await stack.ApplyAsync([ResourceStack.Zone("home", Home(www: "192.168.1.11"), generation: 2)]);

            Assert.Equal((ZoneCrState.Serving, 3u, 2L), (outcomes[0].State, outcomes[0].Serial, outcomes[0].Generation));
            var after = await stack.AxfrAsync("home.arpa");
            Assert.Equal(
                ["home.arpa. 600 in soa ns.home.arpa. hostmaster.home.arpa. 2 3600 600 604800 300", "www.home.arpa. 300 in a 192.168.1.10"],
                before.Except(after).Order(StringComparer.Ordinal));
            Assert.Equal(
                ["home.arpa. 600 in soa ns.home.arpa. hostmaster.home.arpa. 3 3600 600 604800 300", "www.home.arpa. 300 in a 192.168.1.11"],
                after.Except(before).Order(StringComparer.Ordinal));
            Assert.Contains("pc.home.arpa. 300 in a 192.168.1.50", after);

            // Applying the same resource again changes nothing.
            Assert.Equal(3u, (await stack.ApplyAsync([ResourceStack.Zone("home", Home(www: "192.168.1.11"), generation: 2)]))[0].Serial);
        }
        finally
        {
            await stack.DisposeAsync();
            stack.DeleteDirectory();
        }
    }

    [Fact]
    public async Task Disabling_dynamic_updates_refuses_the_next_update_at_once()
    {
        var stack = ResourceStack.Start();
        try
        {
            await stack.ApplyAsync([ResourceStack.Zone("home", Home())]);
            await stack.ApplyAsync([ResourceStack.Zone("home", Home(dynamic: false), generation: 2)]);

            var refused = await stack.UpdateAsync("home.arpa", "update add pc.home.arpa. 300 A 192.168.1.50");
            Assert.Contains("REFUSED", refused.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            await stack.DisposeAsync();
            stack.DeleteDirectory();
        }
    }

    [Fact]
    public async Task Removing_the_resource_stops_serving_the_zone()
    {
        var stack = ResourceStack.Start();
        try
        {
            await stack.ApplyAsync([ResourceStack.Zone("home", Home()), ResourceStack.Zone("lab", Lab())]);

            await stack.ApplyAsync([ResourceStack.Zone("lab", Lab())]);

            var update = await stack.UpdateAsync("home.arpa", "update add pc.home.arpa. 300 A 192.168.1.50");
            Assert.Contains("NOTAUTH", update.StandardError, StringComparison.Ordinal);
            Assert.Contains("; Transfer failed.", await stack.AxfrAsync("home.arpa"));
            Assert.False(stack.Store.Contains(Fos1.Ddns.DnsName.Parse("home.arpa")));
            Assert.DoesNotContain("home.arpa:53", await File.ReadAllTextAsync(stack.CorefilePath), StringComparison.Ordinal);
            Assert.Contains("lab.example:53 {", await File.ReadAllTextAsync(stack.CorefilePath), StringComparison.Ordinal);
        }
        finally
        {
            await stack.DisposeAsync();
            stack.DeleteDirectory();
        }
    }

    [Fact]
    public async Task A_resource_edited_while_the_sidecar_was_down_is_applied_exactly_after_the_restart()
    {
        var stack = ResourceStack.Start();
        try
        {
            await stack.ApplyAsync([ResourceStack.Zone("home", Home())]);
            var update = await stack.UpdateAsync("home.arpa", "update add pc.home.arpa. 300 A 192.168.1.50");
            Assert.True(update.ExitCode == 0, update.StandardError);
            await stack.DisposeAsync();

            // The edit drops the MX record; a restart has no memory of it except the state directory.
            var edited = Home() with { Records = [.. Home().Records.Where(r => r.Type != "MX")] };
            stack = ResourceStack.Start(stack.Directory);
            var outcomes = await stack.ApplyAsync([ResourceStack.Zone("home", edited, generation: 2)]);

            Assert.Equal((ZoneCrState.Serving, 3u), (outcomes[0].State, outcomes[0].Serial));
            var records = await stack.AxfrAsync("home.arpa");
            Assert.DoesNotContain(records, r => r.Contains(" mx ", StringComparison.Ordinal));
            Assert.Contains("pc.home.arpa. 300 in a 192.168.1.50", records);
        }
        finally
        {
            await stack.DisposeAsync();
            stack.DeleteDirectory();
        }
    }

    [Fact]
    public async Task An_invalid_edit_keeps_the_last_valid_version_in_effect_and_says_so()
    {
        var stack = ResourceStack.Start();
        try
        {
            await stack.ApplyAsync([ResourceStack.Zone("home", Home())]);
            var broken = Home() with { Records = [new StaticRecord { Name = "www", Type = "A", Value = "not-an-address" }] };

            var outcome = Assert.Single(await stack.ApplyAsync([ResourceStack.Zone("home", broken, generation: 2)]));

            Assert.Equal(ZoneCrState.Invalid, outcome.State);
            Assert.EndsWith("; the last valid version of zone home.arpa. stays in effect", outcome.Message, StringComparison.Ordinal);
            Assert.Contains("www.home.arpa. 300 in a 192.168.1.10", await stack.AxfrAsync("home.arpa"));
            var update = await stack.UpdateAsync("home.arpa", "update add pc.home.arpa. 300 A 192.168.1.50");
            Assert.True(update.ExitCode == 0, update.StandardError);
        }
        finally
        {
            await stack.DisposeAsync();
            stack.DeleteDirectory();
        }
    }

    [Fact]
    public async Task A_static_record_wins_over_a_DHCP_client_holding_the_name_which_then_gets_a_conflict()
    {
        var stack = ResourceStack.Start();
        try
        {
            await stack.ApplyAsync([ResourceStack.Zone("home", Home())]);
            const string Dhcid = "AAEBqrvM";
            var claim = await stack.UpdateAsync("home.arpa", "prereq nxdomain tv.home.arpa.", "update add tv.home.arpa. 300 A 192.168.1.60", $"update add tv.home.arpa. 300 DHCID {Dhcid}");
            Assert.True(claim.ExitCode == 0, claim.StandardError);

            var withTv = Home() with { Records = [.. Home().Records, new StaticRecord { Name = "tv", Type = "A", Value = "192.168.1.5" }] };
            await stack.ApplyAsync([ResourceStack.Zone("home", withTv, generation: 2)]);

            Assert.Equal(["tv.home.arpa. 600 in a 192.168.1.5"], (await stack.AxfrAsync("home.arpa")).Where(r => r.StartsWith("tv.", StringComparison.Ordinal)));
            var add = await stack.UpdateAsync("home.arpa", "prereq nxdomain tv.home.arpa.", "update add tv.home.arpa. 300 A 192.168.1.61", $"update add tv.home.arpa. 300 DHCID {Dhcid}");
            Assert.Contains("YXDOMAIN", add.StandardError, StringComparison.Ordinal);
            var replace = await stack.UpdateAsync("home.arpa", $"prereq yxrrset tv.home.arpa. DHCID {Dhcid}", "update delete tv.home.arpa. A", "update add tv.home.arpa. 300 A 192.168.1.61");
            Assert.Contains("NXRRSET", replace.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            await stack.DisposeAsync();
            stack.DeleteDirectory();
        }
    }
}
