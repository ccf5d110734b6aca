using System.Net;
using Fos1.Ddns.Leases;
using Fos1.Kea.ControlSocket;
using Fos1.Kea.Memfile;

namespace Fos1.Kea.Tests.Memfile;

/// <summary>Rows and headers as kea-dhcp4/kea-dhcp6 2.2 wrote them on this machine.</summary>
public sealed class MemfileRowParserTests
{
    public const string Header4 = "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context";
    public const string Header6 =
        "address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,iaid,prefix_len,fqdn_fwd,fqdn_rev,hostname,hwaddr,state,user_context,hwtype,hwaddr_source";

    private static MemfileHeader Parse(string header) =>
        MemfileHeader.TryParse(header, out var parsed, out var error) ? parsed : throw new FormatException(error);

    private static MemfileRow Row(string header, string line) =>
        MemfileRowParser.TryParse(Parse(header), line, out var row, out var error) ? row : throw new FormatException(error);

    [Fact]
    public void A_v4_row_is_read_by_header_name_with_its_escaped_comma_restored()
    {
        var row = Row(Header4, "192.0.2.101,1a:1b:1c:1d:1e:1f,01:02:03,3600,1795918504,1,1,1,a&#x2cb.home.arpa,0,");

        var l = row.Lease;
        Assert.Equal(
            (IPAddress.Parse("192.0.2.101"), LeaseType.V4, (byte)1, "1A1B1C1D1E1F", "010203", 3600u, DateTimeOffset.FromUnixTimeSeconds(1795918504), 1u, true, true, "a,b.home.arpa"),
            (l.Address, l.Type, l.HardwareType, Convert.ToHexString(l.HardwareAddress!), Convert.ToHexString(l.ClientId!), l.ValidLifetime, l.Expires, l.SubnetId, l.ForwardDns, l.ReverseDns, l.Hostname));
        Assert.Equal((KeaLeaseState.Default, true, false), (row.State, row.IsActive, row.IsDeletion));
        Assert.Equal(LeaseEventKind.Committed, row.ToLeaseEvent(DateTimeOffset.UnixEpoch).Kind);
        Assert.Equal(LeaseSource.Memfile, row.ToLeaseEvent(DateTimeOffset.UnixEpoch).Source);
    }

    [Fact]
    public void A_zero_valid_lifetime_row_is_a_deletion()
    {
        var row = Row(Header4, "192.0.2.102,1a:1b:1c:1d:1e:20,,0,1795914904,1,0,0,,0,");

        Assert.True(row.IsDeletion);
        Assert.Null(row.Lease.ClientId);
        Assert.Equal(LeaseEventKind.Deleted, row.ToLeaseEvent(DateTimeOffset.UnixEpoch).Kind);
    }

    [Fact]
    public void V6_rows_carry_type_iaid_duid_and_hardware_type()
    {
        var prefix = Row(Header6, "2001:db8:1:2::,00:01:02:03:04:06,7200,1795922111,1,7200,2,7,64,0,0,,,0,,,");
        var declined = Row(Header6, "2001:db8:1::102,00:01:02:03:04:07,7200,1795922111,1,7200,0,8,128,0,0,,aa:bb:cc:dd:ee:ff,1,{ \"a\": \"x&#x2cy\" },1,0");

        Assert.Equal((LeaseType.IaPd, 7u, "000102030406", (byte[]?)null), (prefix.Lease.Type, prefix.Lease.Iaid, Convert.ToHexString(prefix.Lease.Duid!), prefix.Lease.HardwareAddress));
        Assert.Equal((LeaseType.IaNa, 8u, (byte)1, KeaLeaseState.Declined, LeaseEventKind.Declined),
            (declined.Lease.Type, declined.Lease.Iaid, declined.Lease.HardwareType, declined.State, declined.ToLeaseEvent(DateTimeOffset.UnixEpoch).Kind));
    }

    [Fact]
    public void A_newer_header_with_pool_id_and_reordered_columns_is_read_by_name()
    {
        var row = Row(
            "hostname,address,client_id,hwaddr,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,state,user_context,pool_id",
            "x.home.arpa,192.0.2.9,,02:00:00:00:00:09,60,1000,3,1,0,2,,5");

        Assert.Equal(("x.home.arpa", IPAddress.Parse("192.0.2.9"), 3u, KeaLeaseState.ExpiredReclaimed), (row.Lease.Hostname, row.Lease.Address, row.Lease.SubnetId, row.State));
        Assert.Equal(LeaseEventKind.Expired, row.ToLeaseEvent(DateTimeOffset.UnixEpoch).Kind);
    }

    [Theory]
    [InlineData("192.0.2.1,02:00:00:00:00:01,,60,1000,1,0,0,,0", "has 10 fields, the header has 11")]
    [InlineData("192.0.2.999,02:00:00:00:00:01,,60,1000,1,0,0,,0,", "address '192.0.2.999' is not an IPv4 address")]
    [InlineData("192.0.2.1,02:00:00:00:00:0g,,60,1000,1,0,0,,0,", "lease 192.0.2.1: hwaddr, client_id or duid is not colon-separated hex")]
    [InlineData("192.0.2.1,02:00:00:00:00:01,,-5,1000,1,0,0,,0,", "lease 192.0.2.1: valid_lifetime, expire, subnet_id, fqdn_fwd or fqdn_rev is not a number")]
    [InlineData("192.0.2.1,02:00:00:00:00:01,,60,1000,1,yes,0,,0,", "lease 192.0.2.1: valid_lifetime, expire, subnet_id, fqdn_fwd or fqdn_rev is not a number")]
    [InlineData("192.0.2.1,02:00:00:00:00:01,,60,1000,1,0,0,,9,", "lease 192.0.2.1: state '9' is not 0, 1 or 2")]
    public void Malformed_rows_are_refused_with_the_reason(string line, string expected)
    {
        Assert.False(MemfileRowParser.TryParse(Parse(Header4), line, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_header_without_the_lease_columns_is_refused()
    {
        Assert.False(MemfileHeader.TryParse("address,duid,valid_lifetime", out _, out var error));
        Assert.Equal(
            "the header 'address,duid,valid_lifetime' lacks the column(s) expire, subnet_id, fqdn_fwd, fqdn_rev, hostname, lease_type, iaid; is this a Kea memfile lease file?",
            error);
    }

    [Theory]
    [InlineData("a&#x2cb&#x2cc", "a,b,c")]
    [InlineData("plain", "plain")]
    [InlineData("cut&#x2", "cut&#x2")]
    [InlineData("&#x2c", ",")]
    public void Kea_escapes_are_undone(string escaped, string expected) => Assert.Equal(expected, MemfileRowParser.Unescape(escaped));
}
