using System.Net;
using Fos1.Ddns.Records;
using Fos1.Ddns.Updates;

namespace Fos1.Dns.Tests.Sending;

/// <summary>The RFC 4703 / Kea D2 transactions, written out by hand (the planner is tested elsewhere).</summary>
internal static class Rfc4703Plans
{
    public static readonly DnsName Forward = DnsName.Parse("home.arpa");
    public static readonly DnsName Reverse = DnsName.Parse("2.0.192.in-addr.arpa");

    public static UpdateMessagePlan ForwardAdd(DnsName fqdn, IPAddress address, Dhcid dhcid) => new(
        Forward,
        [new NameIsNotInUse(fqdn)],
        [new AddRecord(new DnsRecord(fqdn, 300, new AddressData(address))), new AddRecord(new DnsRecord(fqdn, 300, new DhcidData(dhcid)))]);

    public static UpdateMessagePlan ForwardReplace(DnsName fqdn, IPAddress address, Dhcid dhcid)
    {
        var data = new AddressData(address);
        return new(
            Forward,
            [new NameIsInUse(fqdn), new RRsetExistsWithValue(fqdn, new DhcidData(dhcid))],
            [new DeleteRRset(fqdn, data.Type), new AddRecord(new DnsRecord(fqdn, 300, data))]);
    }

    public static UpdateMessagePlan ReverseReplace(DnsName reverseName, DnsName fqdn, Dhcid dhcid) => new(
        Reverse,
        [],
        [
            new DeleteRRset(reverseName, RecordType.Ptr),
            new DeleteRRset(reverseName, RecordType.Dhcid),
            new AddRecord(new DnsRecord(reverseName, 300, new PtrData(fqdn))),
            new AddRecord(new DnsRecord(reverseName, 300, new DhcidData(dhcid))),
        ]);

    public static UpdateMessagePlan ForwardAddressRemove(DnsName fqdn, IPAddress address, Dhcid dhcid) => new(
        Forward,
        [new RRsetExistsWithValue(fqdn, new DhcidData(dhcid))],
        [new DeleteRecord(fqdn, new AddressData(address))]);

    public static UpdateMessagePlan ForwardNameRemove(DnsName fqdn, Dhcid dhcid) => new(
        Forward,
        [new RRsetExistsWithValue(fqdn, new DhcidData(dhcid)), new RRsetDoesNotExist(fqdn, RecordType.A), new RRsetDoesNotExist(fqdn, RecordType.Aaaa)],
        [new DeleteAllAtName(fqdn)]);

    public static UpdateMessagePlan ReverseRemove(DnsName reverseName, DnsName fqdn) => new(
        Reverse,
        [new RRsetExistsWithValue(reverseName, new PtrData(fqdn))],
        [new DeleteAllAtName(reverseName)]);
}
