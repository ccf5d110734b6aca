using System.Net;
using Fos1.Ddns.Leases;

namespace Fos1.Ddns.Tests;

/// <summary>Name changes shaped like the NCRs real Kea 2.2 sent (see ClientIdentityTests).</summary>
internal static class Samples
{
    public static readonly DnsName ForwardZone = DnsName.Parse("home.arpa");
    public static readonly DnsName ReverseZone4 = DnsName.Parse("2.0.192.in-addr.arpa");
    public static readonly DnsName ReverseZone6 = DnsName.Parse("8.b.d.0.1.0.0.2.ip6.arpa");

    public static readonly Dhcid Dhcid4 = Dhcid(
        "000101002DF65F801CB20551709905A87EB537D5181922C85118BF0B0FCAB455C5F237");

    public static readonly Dhcid Dhcid6 = Dhcid(
        "00020111CC8807E116B3590B4ED358E4C85D05687E8910EC7FF4E456A0D6197EB59C63");

    public static NameChange V4(
        NameChangeKind kind = NameChangeKind.Add,
        bool forward = true,
        bool reverse = true,
        bool useConflictResolution = true) =>
        new(kind, forward, reverse, DnsName.Parse("host-192-0-2-100.home.arpa"), IPAddress.Parse("192.0.2.100"),
            Dhcid4, 1200, useConflictResolution, null);

    public static NameChange V6(NameChangeKind kind = NameChangeKind.Add, bool useConflictResolution = true) =>
        new(kind, true, true, DnsName.Parse("host-2001-db8--100.home.arpa"), IPAddress.Parse("2001:db8::100"),
            Dhcid6, 1333, useConflictResolution, null);

    private static Dhcid Dhcid(string hex) =>
        Fos1.Ddns.Dhcid.TryParseHex(hex, out var dhcid, out var error) ? dhcid! : throw new FormatException(error);
}
