using System.Net;
using Fos1.Ddns.Records;
using Fos1.Ddns.Updates;
using Fos1.Dns.Wire;

namespace Fos1.Dns.Tests.Wire;

/// <summary>Exact RFC 2136 octets for every prerequisite and update kind (transaction id 0x1234).</summary>
public sealed class UpdateMessageEncoderTests
{
    private const ushort Id = 0x1234;
    private static readonly DnsName Zone = DnsName.Parse("home.arpa");
    private static readonly DnsName Host = DnsName.Parse("host.home.arpa");
    private static readonly Dhcid Owner = new(Convert.FromHexString("000201aabbccdd"));

    // id 1234, opcode UPDATE (5 << 3 = 0x28), ZOCOUNT 1; PRCOUNT/UPCOUNT per test, ADCOUNT 0.
    private static string Header(int prerequisites, int updates) => $"1234 2800 0001 {prerequisites:x4} {updates:x4} 0000";

    // home.arpa at offset 12, TYPE SOA, CLASS IN.
    private const string ZoneSection = "04686f6d65 0461727061 00 0006 0001";

    // host + pointer to home.arpa at offset 12.
    private const string HostName = "04686f7374 c00c";

    private static byte[] Encode(IReadOnlyList<Prerequisite> prerequisites, IReadOnlyList<UpdateOperation> updates) =>
        UpdateMessageEncoder.Encode(new UpdateMessagePlan(Zone, prerequisites, updates), Id).Message.ToArray();

    [Fact]
    public void Name_is_not_in_use_is_class_NONE_type_ANY_with_TTL_0_and_no_rdata() =>
        Assert.Equal(
            Hex.Parse(Header(1, 0), ZoneSection, HostName, "00ff 00fe 00000000 0000"),
            Encode([new NameIsNotInUse(Host)], []));

    [Fact]
    public void Name_is_in_use_is_class_ANY_type_ANY() =>
        Assert.Equal(
            Hex.Parse(Header(1, 0), ZoneSection, HostName, "00ff 00ff 00000000 0000"),
            Encode([new NameIsInUse(Host)], []));

    [Fact]
    public void RRset_exists_is_class_ANY_with_the_type() =>
        Assert.Equal(
            Hex.Parse(Header(1, 0), ZoneSection, HostName, "0001 00ff 00000000 0000"),
            Encode([new RRsetExists(Host, RecordType.A)], []));

    [Fact]
    public void RRset_does_not_exist_is_class_NONE_with_the_type() =>
        Assert.Equal(
            Hex.Parse(Header(1, 0), ZoneSection, HostName, "001c 00fe 00000000 0000"),
            Encode([new RRsetDoesNotExist(Host, RecordType.Aaaa)], []));

    [Fact]
    public void RRset_exists_with_value_is_class_IN_TTL_0_with_the_rdata() =>
        Assert.Equal(
            Hex.Parse(Header(1, 0), ZoneSection, HostName, "0031 0001 00000000 0007 000201aabbccdd"),
            Encode([new RRsetExistsWithValue(Host, new DhcidData(Owner))], []));

    [Fact]
    public void Add_record_is_class_IN_with_the_record_TTL_and_rdata() =>
        Assert.Equal(
            Hex.Parse(Header(0, 1), ZoneSection, HostName, "0001 0001 0000012c 0004 c000020a"),
            Encode([], [new AddRecord(new DnsRecord(Host, 300, new AddressData(IPAddress.Parse("192.0.2.10"))))]));

    [Fact]
    public void Add_AAAA_record_carries_16_address_octets() =>
        Assert.Equal(
            Hex.Parse(Header(0, 1), ZoneSection, HostName, "001c 0001 00000e10 0010 20010db8000000000000000000000010"),
            Encode([], [new AddRecord(new DnsRecord(Host, 3600, new AddressData(IPAddress.Parse("2001:db8::10"))))]));

    [Fact]
    public void Delete_RRset_is_class_ANY_with_the_type_TTL_0_and_no_rdata() =>
        Assert.Equal(
            Hex.Parse(Header(0, 1), ZoneSection, HostName, "0001 00ff 00000000 0000"),
            Encode([], [new DeleteRRset(Host, RecordType.A)]));

    [Fact]
    public void Delete_all_at_name_is_class_ANY_type_ANY_TTL_0_and_no_rdata() =>
        Assert.Equal(
            Hex.Parse(Header(0, 1), ZoneSection, HostName, "00ff 00ff 00000000 0000"),
            Encode([], [new DeleteAllAtName(Host)]));

    [Fact]
    public void Delete_record_is_class_NONE_TTL_0_with_the_rdata_to_delete() =>
        Assert.Equal(
            Hex.Parse(Header(0, 1), ZoneSection, HostName, "0001 00fe 00000000 0004 c000020a"),
            Encode([], [new DeleteRecord(Host, new AddressData(IPAddress.Parse("192.0.2.10")))]));

    [Fact]
    public void Reverse_PTR_add_compresses_the_owner_but_writes_the_target_name_in_full()
    {
        var reverseZone = DnsName.Parse("2.0.192.in-addr.arpa");
        var plan = new UpdateMessagePlan(
            reverseZone,
            [],
            [new AddRecord(new DnsRecord(DnsName.Parse("10.2.0.192.in-addr.arpa"), 300, new PtrData(Host)))]);

        Assert.Equal(
            Hex.Parse(
                Header(0, 1),
                "0132 0130 03313932 07696e2d61646472 0461727061 00 0006 0001",
                "023130 c00c 000c 0001 0000012c 0010 04686f7374 04686f6d65 0461727061 00"),
            UpdateMessageEncoder.Encode(plan, Id).Message.ToArray());
    }

    [Fact]
    public void A_forward_add_repeats_the_owner_name_as_a_pointer_to_its_first_occurrence()
    {
        var message = Encode(
            [new NameIsNotInUse(Host)],
            [
                new AddRecord(new DnsRecord(Host, 300, new AddressData(IPAddress.Parse("192.0.2.10")))),
                new AddRecord(new DnsRecord(Host, 300, new DhcidData(Owner))),
            ]);

        Assert.Equal(
            Hex.Parse(
                Header(1, 2),
                ZoneSection,
                HostName, "00ff 00fe 00000000 0000",
                "c01b 0001 0001 0000012c 0004 c000020a",
                "c01b 0031 0001 0000012c 0007 000201aabbccdd"),
            message);
    }

    [Fact]
    public void A_name_outside_the_zone_is_refused_before_anything_is_sent()
    {
        var error = Assert.Throws<ArgumentException>(() => Encode([new NameIsInUse(DnsName.Parse("host.example.org"))], []));

        Assert.Contains("outside zone home.arpa.", error.Message, StringComparison.Ordinal);
    }
}
