using System.Net;
using System.Text.Json.Nodes;
using Fos1.Ddns.Leases;
using Fos1.Kea.ControlSocket;

namespace Fos1.Kea.Tests.ControlSocket;

/// <summary>Lease objects as kea-dhcp4/kea-dhcp6 2.2 listed them on this machine.</summary>
public sealed class KeaLeaseJsonTests
{
    [Fact]
    public void A_v4_lease_keeps_every_field_and_expires_at_cltt_plus_valid_lifetime()
    {
        var json = JsonNode.Parse("""
            { "client-id": "01:02:03", "cltt": 1795914904, "fqdn-fwd": true, "fqdn-rev": true, "hostname": "a,b.home.arpa",
              "hw-address": "1a:1b:1c:1d:1e:1f", "ip-address": "192.0.2.101", "state": 0, "subnet-id": 1, "valid-lft": 3600 }
            """)!.AsObject();

        Assert.True(KeaLeaseJson.TryParse(json, 4, out var lease, out var error), error);

        Assert.Equal(KeaLeaseState.Default, lease.State);
        Assert.True(lease.IsActive);
        var l = lease.Lease;
        Assert.Equal(
            (IPAddress.Parse("192.0.2.101"), LeaseType.V4, (byte)1, "1A1B1C1D1E1F", "010203", (byte[]?)null, 0u, "a,b.home.arpa", true, true, 3600u,
                DateTimeOffset.FromUnixTimeSeconds(1795914904 + 3600), 1u),
            (l.Address, l.Type, l.HardwareType, Convert.ToHexString(l.HardwareAddress!), Convert.ToHexString(l.ClientId!), l.Duid, l.Iaid, l.Hostname,
                l.ForwardDns, l.ReverseDns, l.ValidLifetime, l.Expires, l.SubnetId));
    }

    [Fact]
    public void A_v6_prefix_lease_is_typed_IA_PD_and_a_declined_address_is_not_active()
    {
        var prefix = JsonNode.Parse("""
            { "cltt": 1795914911, "duid": "00:01:02:03:04:06", "fqdn-fwd": false, "fqdn-rev": false, "hostname": "", "iaid": 7,
              "ip-address": "2001:db8:1:2::", "preferred-lft": 7200, "prefix-len": 64, "state": 0, "subnet-id": 1, "type": "IA_PD", "valid-lft": 7200 }
            """)!.AsObject();
        var declined = JsonNode.Parse("""
            { "cltt": 1795914911, "duid": "00:01:02:03:04:07", "fqdn-fwd": false, "fqdn-rev": false, "hostname": "", "hw-address": "aa:bb:cc:dd:ee:ff",
              "iaid": 8, "ip-address": "2001:db8:1::102", "preferred-lft": 7200, "state": 1, "subnet-id": 1, "type": "IA_NA",
              "user-context": { "a": "x,y" }, "valid-lft": 7200 }
            """)!.AsObject();

        Assert.True(KeaLeaseJson.TryParse(prefix, 6, out var pd, out _));
        Assert.True(KeaLeaseJson.TryParse(declined, 6, out var na, out _));

        Assert.Equal((LeaseType.IaPd, 7u, "000102030406", (string?)null), (pd.Lease.Type, pd.Lease.Iaid, Convert.ToHexString(pd.Lease.Duid!), pd.Lease.Hostname));
        Assert.Equal((LeaseType.IaNa, KeaLeaseState.Declined, false, "AABBCCDDEEFF"), (na.Lease.Type, na.State, na.IsActive, Convert.ToHexString(na.Lease.HardwareAddress!)));
    }

    [Theory]
    [InlineData(4, """{"ip-address":"2001:db8::1","valid-lft":1,"cltt":1,"subnet-id":1}""", "ip-address '2001:db8::1' is not an IPv4 address")]
    [InlineData(4, """{"ip-address":"192.0.2.1","hw-address":"1:2","valid-lft":1,"cltt":1,"subnet-id":1}""", "lease 192.0.2.1: hw-address '\"1:2\"' is malformed")]
    [InlineData(4, """{"ip-address":"192.0.2.1","valid-lft":-1,"cltt":1,"subnet-id":1}""", "lease 192.0.2.1: valid-lft, cltt and subnet-id must be non-negative integers")]
    [InlineData(4, """{"ip-address":"192.0.2.1","valid-lft":1,"cltt":1,"subnet-id":1,"state":7}""", "lease 192.0.2.1: state '7' is malformed")]
    [InlineData(6, """{"ip-address":"2001:db8::1","valid-lft":1,"cltt":1,"subnet-id":1,"iaid":1,"type":"IA_XX","duid":"01"}""", "lease 2001:db8::1: a v6 lease needs a duid, an iaid and type IA_NA, IA_TA or IA_PD")]
    public void Malformed_lease_objects_are_refused_with_the_reason(int family, string json, string expected)
    {
        Assert.False(KeaLeaseJson.TryParse(JsonNode.Parse(json)!.AsObject(), family, out _, out var error));
        Assert.Equal(expected, error);
    }
}
