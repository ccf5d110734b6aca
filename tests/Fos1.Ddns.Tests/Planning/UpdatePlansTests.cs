using System.Net;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Planning;
using Fos1.Ddns.Records;
using Fos1.Ddns.Updates;

namespace Fos1.Ddns.Tests.Planning;

public sealed class UpdatePlansTests
{
    private static readonly NameChange Change4 = Samples.V4();
    private static readonly NameChange Change6 = Samples.V6();
    private static readonly DnsName Fqdn4 = Change4.Fqdn;
    private static readonly DnsName Fqdn6 = Change6.Fqdn;
    private static readonly DnsName Reverse4 = DnsName.Parse("100.2.0.192.in-addr.arpa");
    private static readonly IPAddress Address4 = IPAddress.Parse("192.0.2.100");
    private static readonly IPAddress Address6 = IPAddress.Parse("2001:db8::100");
    private static readonly DhcidData Mine4 = new(Samples.Dhcid4);
    private static readonly DhcidData Mine6 = new(Samples.Dhcid6);

    [Fact]
    public void Forward_add_claims_a_free_name_with_the_address_then_the_dhcid()
    {
        var plan = UpdatePlans.ForwardAdd(Samples.ForwardZone, Change4);

        AssertPlan(
            plan,
            Samples.ForwardZone,
            [new NameIsNotInUse(Fqdn4)],
            [
                new AddRecord(new DnsRecord(Fqdn4, 1200, new AddressData(Address4))),
                new AddRecord(new DnsRecord(Fqdn4, 1200, Mine4)),
            ]);
    }

    [Fact]
    public void Forward_add_of_an_ipv6_lease_writes_an_aaaa_record()
    {
        var plan = UpdatePlans.ForwardAdd(Samples.ForwardZone, Change6);

        AssertPlan(
            plan,
            Samples.ForwardZone,
            [new NameIsNotInUse(Fqdn6)],
            [
                new AddRecord(new DnsRecord(Fqdn6, 1333, new AddressData(Address6))),
                new AddRecord(new DnsRecord(Fqdn6, 1333, Mine6)),
            ]);
        Assert.Equal(RecordType.Aaaa, ((AddRecord)plan.Updates[0]).Record.Type);
    }

    [Fact]
    public void Forward_replace_requires_the_name_in_use_and_our_dhcid_and_replaces_only_this_family()
    {
        AssertPlan(
            UpdatePlans.ForwardReplace(Samples.ForwardZone, Change4),
            Samples.ForwardZone,
            [new NameIsInUse(Fqdn4), new RRsetExistsWithValue(Fqdn4, Mine4)],
            [new DeleteRRset(Fqdn4, RecordType.A), new AddRecord(new DnsRecord(Fqdn4, 1200, new AddressData(Address4)))]);

        AssertPlan(
            UpdatePlans.ForwardReplace(Samples.ForwardZone, Change6),
            Samples.ForwardZone,
            [new NameIsInUse(Fqdn6), new RRsetExistsWithValue(Fqdn6, Mine6)],
            [new DeleteRRset(Fqdn6, RecordType.Aaaa), new AddRecord(new DnsRecord(Fqdn6, 1333, new AddressData(Address6)))]);
    }

    [Fact]
    public void Reverse_replace_overwrites_ptr_and_dhcid_without_prerequisites()
    {
        AssertPlan(
            UpdatePlans.ReverseReplace(Samples.ReverseZone4, Change4),
            Samples.ReverseZone4,
            [],
            [
                new DeleteRRset(Reverse4, RecordType.Ptr),
                new DeleteRRset(Reverse4, RecordType.Dhcid),
                new AddRecord(new DnsRecord(Reverse4, 1200, new PtrData(Fqdn4))),
                new AddRecord(new DnsRecord(Reverse4, 1200, Mine4)),
            ]);
    }

    [Fact]
    public void Reverse_replace_of_an_ipv6_lease_goes_to_the_nibble_name()
    {
        var plan = UpdatePlans.ReverseReplace(Samples.ReverseZone6, Change6);

        var reverse6 = DnsName.Parse("0.0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
        Assert.All(plan.Updates, u => Assert.Equal(reverse6, u.Name));
        Assert.Equal(new AddRecord(new DnsRecord(reverse6, 1333, new PtrData(Fqdn6))), plan.Updates[2]);
    }

    [Fact]
    public void Forward_address_remove_deletes_our_one_address_only_if_the_dhcid_is_ours()
    {
        AssertPlan(
            UpdatePlans.ForwardRemoveAddress(Samples.ForwardZone, Change4),
            Samples.ForwardZone,
            [new RRsetExistsWithValue(Fqdn4, Mine4)],
            [new DeleteRecord(Fqdn4, new AddressData(Address4))]);
    }

    [Fact]
    public void Forward_name_remove_deletes_the_name_only_when_ours_and_without_any_address()
    {
        AssertPlan(
            UpdatePlans.ForwardRemoveName(Samples.ForwardZone, Change4),
            Samples.ForwardZone,
            [
                new RRsetExistsWithValue(Fqdn4, Mine4),
                new RRsetDoesNotExist(Fqdn4, RecordType.A),
                new RRsetDoesNotExist(Fqdn4, RecordType.Aaaa),
            ],
            [new DeleteAllAtName(Fqdn4)]);
    }

    [Fact]
    public void Reverse_remove_deletes_the_reverse_name_only_while_its_ptr_names_us()
    {
        AssertPlan(
            UpdatePlans.ReverseRemove(Samples.ReverseZone4, Change4),
            Samples.ReverseZone4,
            [new RRsetExistsWithValue(Reverse4, new PtrData(Fqdn4))],
            [new DeleteAllAtName(Reverse4)]);
    }

    [Fact]
    public void Simple_forward_replace_overwrites_address_and_dhcid_unconditionally()
    {
        var change = Samples.V4(useConflictResolution: false);

        AssertPlan(
            UpdatePlans.SimpleForwardReplace(Samples.ForwardZone, change),
            Samples.ForwardZone,
            [],
            [
                new DeleteRRset(Fqdn4, RecordType.A),
                new DeleteRRset(Fqdn4, RecordType.Dhcid),
                new AddRecord(new DnsRecord(Fqdn4, 1200, new AddressData(Address4))),
                new AddRecord(new DnsRecord(Fqdn4, 1200, Mine4)),
            ]);
    }

    [Fact]
    public void Simple_reverse_replace_is_the_reverse_replace()
    {
        var change = Samples.V4(useConflictResolution: false);
        var simple = UpdatePlans.SimpleReverseReplace(Samples.ReverseZone4, change);
        var full = UpdatePlans.ReverseReplace(Samples.ReverseZone4, change);

        AssertPlan(simple, full.Zone, full.Prerequisites, full.Updates);
    }

    [Fact]
    public void Simple_forward_remove_deletes_this_family_and_the_dhcid_unconditionally()
    {
        AssertPlan(
            UpdatePlans.SimpleForwardRemove(Samples.ForwardZone, Samples.V6(NameChangeKind.Remove, useConflictResolution: false)),
            Samples.ForwardZone,
            [],
            [new DeleteRRset(Fqdn6, RecordType.Aaaa), new DeleteRRset(Fqdn6, RecordType.Dhcid)]);
    }

    [Fact]
    public void Simple_reverse_remove_deletes_ptr_and_dhcid_unconditionally()
    {
        AssertPlan(
            UpdatePlans.SimpleReverseRemove(Samples.ReverseZone4, Samples.V4(NameChangeKind.Remove, useConflictResolution: false)),
            Samples.ReverseZone4,
            [],
            [new DeleteRRset(Reverse4, RecordType.Ptr), new DeleteRRset(Reverse4, RecordType.Dhcid)]);
    }

    internal static void AssertPlan(
        UpdateMessagePlan plan,
        DnsName zone,
        IReadOnlyList<Prerequisite> prerequisites,
        IReadOnlyList<UpdateOperation> updates)
    {
        Assert.Equal(zone, plan.Zone);
        Assert.Equal(prerequisites, plan.Prerequisites);
        Assert.Equal(updates, plan.Updates);
    }
}
