using System.Net;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Reconciliation;
using Fos1.Dns.Transfer;
using Fos1.Testbed.Dns;

namespace Fos1.Dns.Tests.Transfer;

/// <summary>What BIND holds, read by AXFR, compared with the active leases by the pure planner.</summary>
public sealed class TransferredZoneReconciliationTests
{
    [Fact]
    public async Task Only_DHCID_owned_leftovers_are_removed_and_a_static_name_colliding_with_a_lease_is_left_alone()
    {
        var alice = Dhcid.TryParseHex("000201" + new string('a', 64), out var a, out _) ? a! : throw new InvalidOperationException();
        var ghost = Dhcid.TryParseHex("000201" + new string('b', 64), out var g, out _) ? g! : throw new InvalidOperationException();
        await using var bind = await BindServer.StartAsync(new BindServerOptions
        {
            Zones =
            [
                new BindZone("home.arpa", $"""
                    alice 600 IN A 192.0.2.10
                    alice 600 IN DHCID {alice}
                    ghost 600 IN A 192.0.2.66
                    ghost 600 IN DHCID {ghost}
                    printer 300 IN A 192.0.2.5
                    """),
                new BindZone("2.0.192.in-addr.arpa", $"""
                    10 600 IN PTR alice.home.arpa.
                    10 600 IN DHCID {alice}
                    66 600 IN PTR ghost.home.arpa.
                    66 600 IN DHCID {ghost}
                    5 300 IN PTR printer.home.arpa.
                    """),
            ],
        });
        var client = new ZoneTransferClient();
        var zones = new[] { DnsName.Parse("home.arpa"), DnsName.Parse("2.0.192.in-addr.arpa") };
        var records = new List<Fos1.Ddns.Records.DnsRecord>();
        foreach (var zone in zones)
        {
            records.AddRange((await client.TransferAsync(bind.Endpoint, zone)).AddressPointerAndDhcidRecords());
        }

        NameChange[] leases =
        [
            new(NameChangeKind.Add, true, true, DnsName.Parse("alice.home.arpa"), IPAddress.Parse("192.0.2.10"), alice, 600, true, null),
            // A lease whose host calls itself "printer": the static name must stay.
            new(NameChangeKind.Add, true, false, DnsName.Parse("printer.home.arpa"), IPAddress.Parse("192.0.2.150"), ghost, 600, true, null),
        ];

        var plan = ReconciliationPlanner.Plan(leases, records, zones);

        Assert.Equal(
            [
                (ReconciliationAction.Remove, ReconciliationReason.UnbackedReverseName, "66.2.0.192.in-addr.arpa"),
                (ReconciliationAction.Remove, ReconciliationReason.UnbackedForwardName, "ghost.home.arpa"),
                (ReconciliationAction.Leave, ReconciliationReason.ReverseSkippedNameNotOurs, "150.2.0.192.in-addr.arpa"),
                (ReconciliationAction.Leave, ReconciliationReason.ForwardHeldWithoutDhcid, "printer.home.arpa"),
            ],
            plan.Items.Select(item => (item.Action, item.Reason, item.Name.Text)).OrderBy(item => item.Item1).ThenBy(item => item.Item3, StringComparer.Ordinal));
        Assert.Equal((2, 1, 2), (plan.Counts.InSync, plan.Counts.HeldWithoutDhcid, plan.Counts.Removes));
    }
}
