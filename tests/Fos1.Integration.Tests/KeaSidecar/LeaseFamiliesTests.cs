using System.Net;
using Fos1.Ddns;
using Fos1.Ddns.Records;
using Fos1.Sidecars.Kea.Pipeline;

namespace Fos1.Integration.Tests.KeaSidecar;

/// <summary>Reconciliation judges only the names of the address families whose leases it read.</summary>
public sealed class LeaseFamiliesTests
{
    private static readonly Dhcid Owner = new([0, 1, 1, .. Enumerable.Repeat((byte)7, 32)]);

    private static DnsRecord Record(string name, RecordData data) => new(DnsName.Parse(name), 600, data);

    private static readonly DnsRecord[] Zone =
    [
        Record("v4.home.arpa", new AddressData(IPAddress.Parse("192.0.2.10"))),
        Record("v4.home.arpa", new DhcidData(Owner)),
        Record("dual.home.arpa", new DhcidData(Owner)),
        Record("dual.home.arpa", new AddressData(IPAddress.Parse("192.0.2.11"))),
        Record("dual.home.arpa", new AddressData(IPAddress.Parse("2001:db8::11"))),
        Record("10.2.0.192.in-addr.arpa", new PtrData(DnsName.Parse("v4.home.arpa"))),
    ];

    [Fact]
    public void With_only_DHCPv4_read_a_name_holding_an_AAAA_is_dropped_with_all_its_records_and_the_rest_kept_in_order()
    {
        var judgeable = LeaseFamilies.OnlyJudgeable(Zone, v4Read: true, v6Read: false);

        Assert.Equal([Zone[0], Zone[1], Zone[5]], judgeable);
    }

    [Fact]
    public void With_only_DHCPv6_read_every_name_holding_an_A_is_dropped()
    {
        var judgeable = LeaseFamilies.OnlyJudgeable(Zone, v4Read: false, v6Read: true);

        Assert.Equal([Zone[5]], judgeable);
    }

    [Fact]
    public void With_both_families_read_the_records_are_passed_through_as_they_are()
    {
        Assert.Same(Zone, LeaseFamilies.OnlyJudgeable(Zone, v4Read: true, v6Read: true));
    }
}
