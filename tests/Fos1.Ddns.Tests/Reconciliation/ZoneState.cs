using System.Net;
using System.Security.Cryptography;
using System.Text;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Records;

namespace Fos1.Ddns.Tests.Reconciliation;

/// <summary>Builds leases and zone contents for the planner tests.</summary>
internal static class ZoneState
{
    public static readonly DnsName[] ObservedZones =
        [DnsName.Parse("home.arpa"), DnsName.Parse("2.0.192.in-addr.arpa"), DnsName.Parse("8.b.d.0.1.0.0.2.ip6.arpa")];

    public static Dhcid DhcidOf(string client) =>
        new([0x00, 0x02, 0x01, .. SHA256.HashData(Encoding.ASCII.GetBytes(client))]);

    public static NameChange Lease(string host, string address, string client, bool forward = true, bool reverse = true) =>
        new(NameChangeKind.Add, forward, reverse, DnsName.Parse(host + ".home.arpa"), IPAddress.Parse(address), DhcidOf(client), 1200, true, null);

    /// <summary>The four records an RFC 4703 add of <paramref name="lease"/> leaves behind.</summary>
    public static IEnumerable<DnsRecord> RecordsOf(NameChange lease)
    {
        var reverse = ReverseName.For(lease.Address);
        yield return new DnsRecord(lease.Fqdn, 1200, new AddressData(lease.Address));
        yield return new DnsRecord(lease.Fqdn, 1200, new DhcidData(lease.Dhcid));
        yield return new DnsRecord(reverse, 1200, new PtrData(lease.Fqdn));
        yield return new DnsRecord(reverse, 1200, new DhcidData(lease.Dhcid));
    }

    public static DnsRecord A(string name, string address) =>
        new(DnsName.Parse(name), 300, new AddressData(IPAddress.Parse(address)));

    public static DnsRecord Ptr(string name, string target) => new(DnsName.Parse(name), 300, new PtrData(DnsName.Parse(target)));

    public static DnsRecord Dhcid(string name, string client) => new(DnsName.Parse(name), 300, new DhcidData(DhcidOf(client)));
}
