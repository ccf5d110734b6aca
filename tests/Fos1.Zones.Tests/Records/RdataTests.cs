using Fos1.Zones.Records;
using static Fos1.Zones.Tests.Sample;

namespace Fos1.Zones.Tests.Records;

public sealed class RdataTests
{
    [Fact]
    public void Names_inside_RDATA_compare_without_case_but_keep_their_spelling()
    {
        var upper = Rdata.Ptr(Name("Host.Home.Arpa"));
        var lower = Rdata.Ptr(Name("host.home.arpa"));

        Assert.Equal(lower, upper);
        Assert.Equal(lower.GetHashCode(), upper.GetHashCode());
        Assert.Equal("Host.Home.Arpa.", upper.ToString());
        Assert.Equal(lower.Canonical.ToArray(), upper.Canonical.ToArray());
        Assert.NotEqual(lower.Wire.ToArray(), upper.Wire.ToArray());
    }

    [Fact]
    public void The_canonical_form_of_an_SOA_lower_cases_both_names_and_keeps_the_timers()
    {
        var soa = Rdata.Soa(Soa with { PrimaryServer = Name("NS1.home.arpa") });
        Assert.Equal(
            [3, .. "ns1"u8, 4, .. "home"u8, 4, .. "arpa"u8, 0, 10, .. "hostmaster"u8, 4, .. "home"u8, 4, .. "arpa"u8, 0,
             0, 0, 0, 100, 0, 0, 0x0E, 0x10, 0, 0, 0x03, 0x84, 0, 0x09, 0x3A, 0x80, 0, 0, 0x01, 0x2C],
            soa.Canonical.ToArray());
    }

    [Fact]
    public void Text_in_TXT_is_compared_with_case()
    {
        Assert.NotEqual(Rdata.Txt("Hello"), Rdata.Txt("hello"));
    }

    [Fact]
    public void Typed_RDATA_reads_back_what_it_was_built_from()
    {
        Assert.Equal(Soa, Rdata.Soa(Soa).ToSoa());
        Assert.Equal((10, Ns1), Rdata.Mx(10, Ns1).ToMx());
        Assert.Equal((1, 2, 3, Host), Rdata.Srv(1, 2, 3, Host).ToSrv());
        Assert.Equal(Ip("2001:db8::1"), Rdata.Aaaa(Ip("2001:db8::1")).ToAddress());
        Assert.Equal(["a"u8.ToArray(), "bc"u8.ToArray()], Rdata.Txt("a", "bc").ToCharacterStrings());
        Assert.Equal(Host, Rdata.Cname(Host).ToTargetName());
    }

    [Theory]
    [InlineData(DnsType.A, new byte[] { 1, 2, 3, 4, 5 })]
    [InlineData(DnsType.Aaaa, new byte[] { 1, 2, 3, 4 })]
    [InlineData(DnsType.Ptr, new byte[] { 3, 97, 98 })]
    [InlineData(DnsType.Ptr, new byte[] { 1, 97, 0, 0 })]
    [InlineData(DnsType.Cname, new byte[] { 0xC0, 0x0C })]
    [InlineData(DnsType.Ns, new byte[] { 3, 97, 46, 98, 0 })]
    [InlineData(DnsType.Mx, new byte[] { 0 })]
    [InlineData(DnsType.Txt, new byte[] { })]
    [InlineData(DnsType.Dhcid, new byte[] { 0, 1 })]
    public void Malformed_RDATA_of_a_known_type_is_rejected(ushort type, byte[] wire)
    {
        Assert.False(Rdata.TryCreate(type, wire, out _, out var error));
        Assert.StartsWith(DnsType.Mnemonic(type) + " RDATA: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RDATA_orders_as_left_justified_octet_strings()
    {
        var data = new[] { Rdata.A(Ip("192.0.2.11")), Rdata.A(Ip("10.0.0.1")), Rdata.A(Ip("192.0.2.2")) };
        Assert.Equal(["10.0.0.1", "192.0.2.2", "192.0.2.11"], data.Order().Select(d => d.ToString()));
    }

    [Fact]
    public void Serial_numbers_compare_and_wrap_as_RFC_1982_says()
    {
        Assert.True(SerialNumber.IsNewer(101, 100));
        Assert.False(SerialNumber.IsNewer(100, 100));
        Assert.False(SerialNumber.IsNewer(99, 100));
        Assert.True(SerialNumber.IsNewer(5, 0xFFFF_FFF0));
        Assert.False(SerialNumber.IsNewer(0x8000_0000, 0));
        Assert.False(SerialNumber.IsNewer(0, 0x8000_0000));
        Assert.Equal(0u, SerialNumber.Increment(uint.MaxValue));
    }
}
