using Fos1.Ddns.Leases;
using Fos1.Ddns.Records;
using Fos1.Ddns.Updates;

namespace Fos1.Ddns.Planning;

/// <summary>
/// The UPDATE messages of RFC 4703 section 5, with the prerequisites and updates in the order Kea D2
/// 2.2 sends them (nc_add.cc, nc_remove.cc, simple_add.cc, simple_remove.cc), so that a zone managed by
/// D2 before and by this product after (or both at once) sees the same records and the same ownership
/// proofs. Forward plans are addressed to the zone holding the FQDN, reverse plans to the zone holding
/// the reverse name of the address. Records are written with the change's TTL.
/// </summary>
public static class UpdatePlans
{
    /// <summary>Section 5.3.1: claim a free name. Fails with YXDOMAIN when the name is in use.</summary>
    public static UpdateMessagePlan ForwardAdd(DnsName zone, NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Plan(
            zone,
            [new NameIsNotInUse(change.Fqdn)],
            [Add(change.Fqdn, change, new AddressData(change.Address)), Add(change.Fqdn, change, Dhcid(change))]);
    }

    /// <summary>
    /// Section 5.3.2: the name is in use; replace its addresses of this family only when its DHCID is
    /// ours. NXDOMAIN: the name vanished since the add; NXRRSET: the DHCID is someone else's (or none).
    /// </summary>
    public static UpdateMessagePlan ForwardReplace(DnsName zone, NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Plan(
            zone,
            [new NameIsInUse(change.Fqdn), new RRsetExistsWithValue(change.Fqdn, Dhcid(change))],
            [new DeleteRRset(change.Fqdn, AddressType(change)), Add(change.Fqdn, change, new AddressData(change.Address))]);
    }

    /// <summary>Section 5.4: the address is ours now, whatever its reverse name held.</summary>
    public static UpdateMessagePlan ReverseReplace(DnsName zone, NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var reverse = ReverseName.For(change.Address);
        return Plan(
            zone,
            [],
            [
                new DeleteRRset(reverse, RecordType.Ptr),
                new DeleteRRset(reverse, RecordType.Dhcid),
                Add(reverse, change, new PtrData(change.Fqdn)),
                Add(reverse, change, Dhcid(change)),
            ]);
    }

    /// <summary>Section 5.5 paragraph 4: delete our one address, only if the name is ours.</summary>
    public static UpdateMessagePlan ForwardRemoveAddress(DnsName zone, NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Plan(
            zone,
            [new RRsetExistsWithValue(change.Fqdn, Dhcid(change))],
            [new DeleteRecord(change.Fqdn, new AddressData(change.Address))]);
    }

    /// <summary>
    /// Section 5.5 paragraph 5: once no A and no AAAA remain, delete the name (with its DHCID).
    /// YXRRSET: other addresses remain (a dual-stack host), so the name stays.
    /// </summary>
    public static UpdateMessagePlan ForwardRemoveName(DnsName zone, NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Plan(
            zone,
            [
                new RRsetExistsWithValue(change.Fqdn, Dhcid(change)),
                new RRsetDoesNotExist(change.Fqdn, RecordType.A),
                new RRsetDoesNotExist(change.Fqdn, RecordType.Aaaa),
            ],
            [new DeleteAllAtName(change.Fqdn)]);
    }

    /// <summary>Section 5.5 paragraph 6: delete the reverse name only while its PTR still names us.</summary>
    public static UpdateMessagePlan ReverseRemove(DnsName zone, NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var reverse = ReverseName.For(change.Address);
        return Plan(
            zone,
            [new RRsetExistsWithValue(reverse, new PtrData(change.Fqdn))],
            [new DeleteAllAtName(reverse)]);
    }

    /// <summary>Kea's "simple" mode (no conflict resolution): overwrite the address and DHCID unconditionally.</summary>
    public static UpdateMessagePlan SimpleForwardReplace(DnsName zone, NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Plan(
            zone,
            [],
            [
                new DeleteRRset(change.Fqdn, AddressType(change)),
                new DeleteRRset(change.Fqdn, RecordType.Dhcid),
                Add(change.Fqdn, change, new AddressData(change.Address)),
                Add(change.Fqdn, change, Dhcid(change)),
            ]);
    }

    /// <summary>Kea's simple mode writes the reverse name exactly as <see cref="ReverseReplace"/> does.</summary>
    public static UpdateMessagePlan SimpleReverseReplace(DnsName zone, NameChange change) => ReverseReplace(zone, change);

    /// <summary>Kea's simple mode: delete this family's addresses and the DHCID, whoever owns them.</summary>
    public static UpdateMessagePlan SimpleForwardRemove(DnsName zone, NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Plan(
            zone,
            [],
            [new DeleteRRset(change.Fqdn, AddressType(change)), new DeleteRRset(change.Fqdn, RecordType.Dhcid)]);
    }

    /// <summary>Kea's simple mode: delete the PTR and DHCID at the reverse name, whoever owns them.</summary>
    public static UpdateMessagePlan SimpleReverseRemove(DnsName zone, NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var reverse = ReverseName.For(change.Address);
        return Plan(
            zone,
            [],
            [new DeleteRRset(reverse, RecordType.Ptr), new DeleteRRset(reverse, RecordType.Dhcid)]);
    }

    private static UpdateMessagePlan Plan(DnsName zone, Prerequisite[] prerequisites, UpdateOperation[] updates)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new UpdateMessagePlan(zone, prerequisites, updates);
    }

    private static AddRecord Add(DnsName name, NameChange change, RecordData data) =>
        new(new DnsRecord(name, change.Ttl, data));

    private static DhcidData Dhcid(NameChange change) => new(change.Dhcid);

    private static RecordType AddressType(NameChange change) => new AddressData(change.Address).Type;
}
