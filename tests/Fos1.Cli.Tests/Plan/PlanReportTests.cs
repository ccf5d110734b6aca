using System.Net;
using Fos1.Ctl.Plan;
using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Reconciliation;
using Fos1.Ddns.Records;
using Fos1.Sidecars.Kea.Pipeline;

namespace Fos1.Ctl.Tests.Plan;

public sealed class PlanReportTests
{
    private static readonly DnsName Zone = DnsName.Parse("home.arpa");
    private static readonly DnsName ReverseZone = DnsName.Parse("2.0.192.in-addr.arpa");

    private static NameChange Lease(string name, string address, byte client) => new(
        NameChangeKind.Add, Forward: true, Reverse: true, DnsName.Parse(name), IPAddress.Parse(address),
        ClientIdentity.FromHardwareAddress(1, [0, 0x0c, 1, 2, 3, client]).ComputeDhcid(DnsName.Parse(name)), 1200, UseConflictResolution: true, null);

    private static IEnumerable<DnsRecord> Owned(NameChange lease) =>
    [
        new(lease.Fqdn, 1200, new AddressData(lease.Address)),
        new(lease.Fqdn, 1200, new DhcidData(lease.Dhcid)),
        new(ReverseName.For(lease.Address), 1200, new PtrData(lease.Fqdn)),
        new(ReverseName.For(lease.Address), 1200, new DhcidData(lease.Dhcid)),
    ];

    /// <summary>A lease without records, a name no lease backs, a name held by another client and a static one.</summary>
    private static ReconciliationSurveyResult Drifted()
    {
        var inSync = Lease("a.home.arpa", "192.0.2.10", 1);
        var missing = Lease("b.home.arpa", "192.0.2.11", 2);
        var stale = Lease("old.home.arpa", "192.0.2.12", 3);
        var taken = Lease("c.home.arpa", "192.0.2.13", 4);
        var thief = Lease("c.home.arpa", "192.0.2.99", 5);
        var printer = Lease("printer.home.arpa", "192.0.2.14", 6);
        var records = Owned(inSync).Concat(Owned(stale)).Concat(Owned(thief).Take(2))
            .Append(new DnsRecord(printer.Fqdn, 3600, new AddressData(IPAddress.Parse("192.0.2.250"))))
            .ToList();
        var plan = ReconciliationPlanner.Plan([inSync, missing, taken, printer], records, [Zone, ReverseZone]);
        return new ReconciliationSurveyResult(plan, [inSync, missing, taken, printer], 4, null, [Zone, ReverseZone], DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void The_text_lists_each_add_remove_and_refusal_with_its_reason()
    {
        var text = PlanReport.RenderText(Drifted());

        var lines = text.Split('\n');
        Assert.Equal("Read 4 active DHCPv4 leases and no DHCPv6 leases (no control channel: not judged); zones: home.arpa., 2.0.192.in-addr.arpa.", lines[0]);
        Assert.Contains("Would add (2):", lines);
        Assert.Contains("  + b.home.arpa. A 192.0.2.11  [lease without records]", lines);
        Assert.Contains("  + 11.2.0.192.in-addr.arpa. PTR b.home.arpa.  [lease without records]", lines);
        Assert.Contains("Would remove (2):", lines);
        Assert.Contains("  - old.home.arpa. A 192.0.2.12  [record without lease]", lines);
        Assert.Contains("  - 12.2.0.192.in-addr.arpa. PTR old.home.arpa.  [record without lease]", lines);
        Assert.Contains("  = c.home.arpa.  [conflict: name held by another DHCID]", lines);
        Assert.Contains("  = printer.home.arpa.  [conflict: static record (no DHCID)]", lines);
        Assert.Equal(
            "Drift: 2 to add, 2 to remove; 2 of 6 wanted records in sync; 1 owned by another client, 1 static, 0 outside the zones. Nothing was changed.",
            lines[^2]);
    }

    [Fact]
    public void The_json_carries_every_item_with_action_reason_and_side()
    {
        var json = System.Text.Json.JsonDocument.Parse(PlanReport.RenderJson(Drifted())).RootElement;

        Assert.Equal(4, json.GetProperty("drift").GetInt32());
        Assert.Equal(4, json.GetProperty("leases").GetProperty("v4").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("leases").GetProperty("v6").ValueKind);
        var items = json.GetProperty("items").EnumerateArray()
            .Select(i => $"{i.GetProperty("action").GetString()} {i.GetProperty("reason").GetString()} {i.GetProperty("name").GetString()} {i.GetProperty("side")}")
            .ToList();
        Assert.Contains("add forwardMissing b.home.arpa. forward", items);
        Assert.Contains("remove unbackedForwardName old.home.arpa. forward", items);
        Assert.Contains("leave forwardOwnedByAnotherClient c.home.arpa. ", items);
    }

    /// <summary>Scripts parse this: property order, camelCase enum names and the default (escaping) encoder are part of the contract.</summary>
    [Fact]
    public void The_json_is_byte_for_byte_the_published_shape()
    {
        var json = PlanReport.RenderJson(Drifted());

        Assert.Equal(
            """
            {
              "leases": {
                "v4": 4,
                "v6": null
              },
              "zones": [
                "home.arpa.",
                "2.0.192.in-addr.arpa."
              ],
              "counts": {
                "desiredSides": 6,
                "inSync": 2,
                "adds": 2,
                "removes": 2,
                "conflicts": 1,
                "heldWithoutDhcid": 1,
                "unobserved": 0,
                "reportedOnly": 0,
                "drift": 4
              },
              "drift": 4,
              "items": [
                {
                  "action": "add",
                  "reason": "forwardMissing",
                  "why": "lease without records",
                  "name": "b.home.arpa.",
                  "side": "forward",
                  "address": "192.0.2.11",
                  "dhcid": "AAABsoLciqid4PUkHKTVWtvbYaBmWb/hh56Kn/jB5Hrq3gA=",
                  "detail": "lease 192.0.2.11 (DHCID AAABsoLciqid4PUkHKTVWtvbYaBmWb/hh56Kn/jB5Hrq3gA=) wants b.home.arpa.; the name has no records"
                },
                {
                  "action": "add",
                  "reason": "reverseMissing",
                  "why": "lease without records",
                  "name": "11.2.0.192.in-addr.arpa.",
                  "side": "reverse",
                  "address": "192.0.2.11",
                  "dhcid": "AAABsoLciqid4PUkHKTVWtvbYaBmWb/hh56Kn/jB5Hrq3gA=",
                  "detail": "lease 192.0.2.11 (DHCID AAABsoLciqid4PUkHKTVWtvbYaBmWb/hh56Kn/jB5Hrq3gA=) wants 11.2.0.192.in-addr.arpa. PTR b.home.arpa.; the reverse name has no records"
                },
                {
                  "action": "remove",
                  "reason": "unbackedForwardName",
                  "why": "record without lease",
                  "name": "old.home.arpa.",
                  "side": "forward",
                  "address": "192.0.2.12",
                  "dhcid": "AAABuHy61R5Ue8sdMoVjir\u002Bcqj1g8Q/squffkrzBjnpoQoQ=",
                  "detail": "old.home.arpa. holds [192.0.2.12, DHCID AAABuHy61R5Ue8sdMoVjir\u002Bcqj1g8Q/squffkrzBjnpoQoQ=] and no active lease names it"
                },
                {
                  "action": "remove",
                  "reason": "unbackedReverseName",
                  "why": "record without lease",
                  "name": "12.2.0.192.in-addr.arpa.",
                  "side": "reverse",
                  "address": "192.0.2.12",
                  "dhcid": "AAABuHy61R5Ue8sdMoVjir\u002Bcqj1g8Q/squffkrzBjnpoQoQ=",
                  "detail": "12.2.0.192.in-addr.arpa. holds [PTR old.home.arpa., DHCID AAABuHy61R5Ue8sdMoVjir\u002Bcqj1g8Q/squffkrzBjnpoQoQ=] and no active lease holds 192.0.2.12"
                },
                {
                  "action": "leave",
                  "reason": "forwardOwnedByAnotherClient",
                  "why": "conflict: name held by another DHCID",
                  "name": "c.home.arpa.",
                  "side": null,
                  "address": null,
                  "dhcid": null,
                  "detail": "lease 192.0.2.13 (DHCID AAABr9PxQOglg2N8VWAhEDXDdHNidrz6vwDX3hEEKl9k8qo=) wants c.home.arpa.; the name holds [192.0.2.99, DHCID AAABzMha58qLdesI3NQCAl/UPtU2X0na4poJsn1JYyBon6E=]"
                },
                {
                  "action": "leave",
                  "reason": "reverseSkippedNameNotOurs",
                  "why": "no PTR: the name is not the client\u0027s",
                  "name": "13.2.0.192.in-addr.arpa.",
                  "side": null,
                  "address": null,
                  "dhcid": null,
                  "detail": "lease 192.0.2.13 gets no PTR: its name c.home.arpa. is not the client\u0027s"
                },
                {
                  "action": "leave",
                  "reason": "forwardHeldWithoutDhcid",
                  "why": "conflict: static record (no DHCID)",
                  "name": "printer.home.arpa.",
                  "side": null,
                  "address": null,
                  "dhcid": null,
                  "detail": "lease 192.0.2.14 (DHCID AAABMhFzJaxAeauaPGA\u002BfhqWLKf0L3zMlxMwDEZu3W8JG24=) wants printer.home.arpa.; the name holds [192.0.2.250] without a DHCID"
                },
                {
                  "action": "leave",
                  "reason": "reverseSkippedNameNotOurs",
                  "why": "no PTR: the name is not the client\u0027s",
                  "name": "14.2.0.192.in-addr.arpa.",
                  "side": null,
                  "address": null,
                  "dhcid": null,
                  "detail": "lease 192.0.2.14 gets no PTR: its name printer.home.arpa. is not the client\u0027s"
                }
              ]
            }
            """.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n",
            json);
    }

    [Fact]
    public void No_drift_says_so()
    {
        var lease = Lease("a.home.arpa", "192.0.2.10", 1);
        var plan = ReconciliationPlanner.Plan([lease], Owned(lease), [Zone, ReverseZone]);

        var text = PlanReport.RenderText(new ReconciliationSurveyResult(plan, [lease], 1, 0, [Zone, ReverseZone], DateTimeOffset.UnixEpoch));

        Assert.Equal(
            "Read 1 active DHCPv4 leases and 0 active DHCPv6 leases; zones: home.arpa., 2.0.192.in-addr.arpa.\n" +
            "No drift: 0 to add, 0 to remove; 2 of 2 wanted records in sync; 0 owned by another client, 0 static, 0 outside the zones. Nothing was changed.\n",
            text);
    }
}
