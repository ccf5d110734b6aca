using System.Net;
using Fos1.Testbed.Kea;

namespace Fos1.Testbed.Tests.Kea;

public sealed class MemfileLeasesTests
{
    [Fact]
    public void The_last_row_per_address_wins_and_a_zero_lifetime_deletes_the_lease()
    {
        const string Csv = """
            address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context
            192.0.2.100,00:0c:01:02:03:04,01:00:0c:01:02:03:04,600,1795914570,1,1,1,,0,
            192.0.2.100,00:0c:01:02:03:04,01:00:0c:01:02:03:04,600,1795914570,1,1,1,host-192-0-2-100.home.arpa,0,
            192.0.2.101,00:0c:01:02:03:05,01:00:0c:01:02:03:05,600,1795914570,1,1,1,host-192-0-2-101.home.arpa,0,
            192.0.2.101,00:0c:01:02:03:05,01:00:0c:01:02:03:05,0,1795913970,1,1,1,host-192-0-2-101.home.arpa,0,

            """;

        var leases = MemfileLeases.Parse(Csv);

        Assert.Equal(
            [new MemfileLease(IPAddress.Parse("192.0.2.100"), "00:0c:01:02:03:04", 600, DateTimeOffset.FromUnixTimeSeconds(1795914570), "host-192-0-2-100.home.arpa")],
            leases);
    }

    [Fact]
    public void A_v6_lease_file_is_read_by_header_name_with_the_DUID_as_identifier()
    {
        const string Csv = """
            address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,iaid,prefix_len,fqdn_fwd,fqdn_rev,hostname,hwaddr,state,user_context
            2001:db8:1::100,00:01:00:01:32:9e:37:7e:00:0c:01:02:03:04,3600,1795917000,1,2700,0,1,128,1,1,host-2001-db8-1--100.home.arpa,,0,

            """;

        var lease = Assert.Single(MemfileLeases.Parse(Csv));

        Assert.Equal(IPAddress.Parse("2001:db8:1::100"), lease.Address);
        Assert.Equal("00:01:00:01:32:9e:37:7e:00:0c:01:02:03:04", lease.ClientIdentifier);
        Assert.Equal("host-2001-db8-1--100.home.arpa", lease.Hostname);
    }
}
