using System.Diagnostics;
using System.Net;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Reconciliation;
using Fos1.Ddns.Records;
using Xunit.Abstractions;
using static Fos1.Ddns.Tests.Reconciliation.ZoneState;

namespace Fos1.Ddns.Tests.Reconciliation;

public sealed class ReconciliationPlannerTests(ITestOutputHelper output)
{
    private static readonly NameChange Alice = Lease("alice", "192.0.2.10", "alice");

    public static TheoryData<string, NameChange[], DnsRecord[], (ReconciliationAction, ReconciliationReason, string)[]> Cases => new()
    {
        { "in sync", [Alice], [.. RecordsOf(Alice)], [] },
        {
            "nothing in DNS: forward and reverse add",
            [Alice], [],
            [(ReconciliationAction.Add, ReconciliationReason.ForwardMissing, "alice.home.arpa"),
             (ReconciliationAction.Add, ReconciliationReason.ReverseMissing, "10.2.0.192.in-addr.arpa")]
        },
        {
            "lease moved to another address: forward replace, old reverse removed",
            [Lease("alice", "192.0.2.11", "alice")], [.. RecordsOf(Alice)],
            [(ReconciliationAction.Add, ReconciliationReason.ForwardAddressMissing, "alice.home.arpa"),
             (ReconciliationAction.Add, ReconciliationReason.ReverseMissing, "11.2.0.192.in-addr.arpa"),
             (ReconciliationAction.Remove, ReconciliationReason.UnbackedReverseName, "10.2.0.192.in-addr.arpa")]
        },
        {
            "lease gone: forward name and reverse entry removed",
            [], [.. RecordsOf(Alice)],
            [(ReconciliationAction.Remove, ReconciliationReason.UnbackedForwardName, "alice.home.arpa"),
             (ReconciliationAction.Remove, ReconciliationReason.UnbackedReverseName, "10.2.0.192.in-addr.arpa")]
        },
        {
            "PTR-only leftover whose lease is gone",
            [], [Ptr("10.2.0.192.in-addr.arpa", "alice.home.arpa"), Dhcid("10.2.0.192.in-addr.arpa", "alice")],
            [(ReconciliationAction.Remove, ReconciliationReason.UnbackedReverseName, "10.2.0.192.in-addr.arpa")]
        },
        {
            "static record with a colliding hostname is untouched",
            [Alice], [A("alice.home.arpa", "192.0.2.250")],
            [(ReconciliationAction.Leave, ReconciliationReason.ForwardHeldWithoutDhcid, "alice.home.arpa"),
             (ReconciliationAction.Leave, ReconciliationReason.ReverseSkippedNameNotOurs, "10.2.0.192.in-addr.arpa")]
        },
        {
            "static records nobody leases are untouched",
            [], [A("printer.home.arpa", "192.0.2.5"), Ptr("5.2.0.192.in-addr.arpa", "printer.home.arpa")],
            []
        },
        {
            "name owned by another client is left alone",
            [Alice], [A("alice.home.arpa", "192.0.2.99"), Dhcid("alice.home.arpa", "mallory"), .. RecordsOf(Alice).Skip(2)],
            [(ReconciliationAction.Leave, ReconciliationReason.ForwardOwnedByAnotherClient, "alice.home.arpa"),
             (ReconciliationAction.Leave, ReconciliationReason.ReverseSkippedNameNotOurs, "10.2.0.192.in-addr.arpa")]
        },
        {
            "reverse owned by another client is left alone",
            [Alice], [.. RecordsOf(Alice).Take(2), Ptr("10.2.0.192.in-addr.arpa", "old.home.arpa"), Dhcid("10.2.0.192.in-addr.arpa", "bob")],
            [(ReconciliationAction.Leave, ReconciliationReason.ReverseOwnedByAnotherClient, "10.2.0.192.in-addr.arpa")]
        },
        {
            "reverse with our DHCID pointing elsewhere is replaced",
            [Alice], [.. RecordsOf(Alice).Take(2), Ptr("10.2.0.192.in-addr.arpa", "old.home.arpa"), Dhcid("10.2.0.192.in-addr.arpa", "alice")],
            [(ReconciliationAction.Add, ReconciliationReason.ReversePointsElsewhere, "10.2.0.192.in-addr.arpa")]
        },
        {
            "extra address of an owned name is removed",
            [Alice], [.. RecordsOf(Alice), A("alice.home.arpa", "2001:db8::7")],
            [(ReconciliationAction.Remove, ReconciliationReason.StaleForwardAddress, "alice.home.arpa")]
        },
        {
            "DHCID-only leftover without a PTR is only reported",
            [], [Dhcid("10.2.0.192.in-addr.arpa", "alice")],
            [(ReconciliationAction.Leave, ReconciliationReason.ReverseLeftoverWithoutPtr, "10.2.0.192.in-addr.arpa")]
        },
        {
            "names outside observed zones are not judged",
            [Lease("x", "198.51.100.1", "x") with { Fqdn = DnsName.Parse("x.example.org") }], [],
            [(ReconciliationAction.Leave, ReconciliationReason.ZoneNotObserved, "x.example.org"),
             (ReconciliationAction.Leave, ReconciliationReason.ZoneNotObserved, "1.100.51.198.in-addr.arpa")]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plans_exactly_the_expected_items(
        string situation, NameChange[] leases, DnsRecord[] records, (ReconciliationAction, ReconciliationReason, string)[] expected)
    {
        var plan = ReconciliationPlanner.Plan(leases, records, ObservedZones);

        Assert.True(
            expected.SequenceEqual(plan.Items.Select(item => (item.Action, item.Reason, item.Name.Text))),
            $"{situation}:{Environment.NewLine}{string.Join(Environment.NewLine, plan.Items)}");
    }

    [Fact]
    public void An_add_touches_only_the_side_that_drifted_and_keeps_the_lease_facts()
    {
        var plan = ReconciliationPlanner.Plan([Alice], [.. RecordsOf(Alice).Take(2)], ObservedZones);

        Assert.Equal([Alice with { Forward = false, Reverse = true }], plan.Changes);
        Assert.Equal(new ReconciliationCounts(2, 1, 1, 0, 0, 0, 0, 0), plan.Counts);
    }

    [Fact]
    public void Removes_are_built_from_the_DNS_data_with_the_DHCID_found()
    {
        var plan = ReconciliationPlanner.Plan([], [.. RecordsOf(Alice)], ObservedZones);

        Assert.Equal(
            [
                new NameChange(NameChangeKind.Remove, true, false, Alice.Fqdn, Alice.Address, Alice.Dhcid, 0, true, null),
                new NameChange(NameChangeKind.Remove, false, true, Alice.Fqdn, Alice.Address, Alice.Dhcid, 0, true, null),
            ],
            plan.Changes);
        Assert.Equal(2, plan.Counts.Drift);
    }

    [Fact]
    public void A_forward_name_with_only_a_DHCID_is_removed_through_the_name_remove_step()
    {
        var plan = ReconciliationPlanner.Plan([], [Dhcid("ghost.home.arpa", "ghost")], ObservedZones);

        var change = Assert.Single(plan.Changes);
        Assert.Equal((NameChangeKind.Remove, true, false, IPAddress.Any), (change.Kind, change.Forward, change.Reverse, change.Address));
    }

    [Fact]
    public void Conflicts_and_static_names_are_counted_not_changed()
    {
        NameChange[] leases = [Alice, Lease("bob", "192.0.2.11", "bob", reverse: false)];
        DnsRecord[] records = [A("alice.home.arpa", "192.0.2.10"), .. RecordsOf(Alice).Skip(2), A("bob.home.arpa", "192.0.2.11"), Dhcid("bob.home.arpa", "eve")];

        var plan = ReconciliationPlanner.Plan(leases, records, ObservedZones);

        Assert.Empty(plan.Changes);
        // Alice's name is static, so her reverse side is not judged (and her existing PTR is not removed).
        Assert.Equal(new ReconciliationCounts(2, 0, 0, 0, 1, 1, 0, 0), plan.Counts);
    }

    [Fact]
    public void One_percent_drift_among_ten_thousand_leases_is_found_exactly()
    {
        var leases = Enumerable.Range(0, 10_000)
            .Select(i => Lease($"host-{i}", $"2001:db8::{i:x}", $"client-{i}"))
            .ToList();
        var records = new List<DnsRecord>();
        for (var i = 0; i < leases.Count; i++)
        {
            // Every 100th lease lost its records; every 100th (offset 50) has a stale leftover beside it.
            if (i % 100 != 0)
            {
                records.AddRange(RecordsOf(leases[i]));
            }

            if (i % 100 == 50)
            {
                records.AddRange(RecordsOf(Lease($"gone-{i}", $"2001:db8::1:{i:x}", $"gone-{i}")));
            }
        }

        var clock = Stopwatch.StartNew();
        var plan = ReconciliationPlanner.Plan(leases, records, ObservedZones);
        var cold = clock.Elapsed;
        clock.Restart();
        ReconciliationPlanner.Plan(leases, records, ObservedZones);
        output.WriteLine($"planned {leases.Count} leases against {records.Count} records in {cold.TotalMilliseconds:0.0} ms (first run), {clock.Elapsed.TotalMilliseconds:0.0} ms (second)");

        Assert.Equal(new ReconciliationCounts(20_000, 19_800, 200, 200, 0, 0, 0, 0), plan.Counts);
        Assert.Equal(400, plan.Counts.Drift);
        Assert.All(plan.Items.Where(i => i.Action == ReconciliationAction.Remove), i => Assert.StartsWith("gone-", i.Change!.Fqdn.Text, StringComparison.Ordinal));
    }
}
