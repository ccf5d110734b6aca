using System.Net.Sockets;
using Fos1.Ddns;
using Fos1.Ddns.Records;

namespace Fos1.Sidecars.Kea.Pipeline;

/// <summary>
/// Reconciliation may only judge the address families whose lease list it read: with only kea-dhcp4
/// configured, every AAAA name would otherwise look unbacked and be removed.
/// </summary>
public static class LeaseFamilies
{
    public static bool IsReverseZoneOf(DnsName zone, AddressFamily family) =>
        zone.IsAtOrBelow(DnsName.Parse(family == AddressFamily.InterNetwork ? "in-addr.arpa" : "ip6.arpa"));

    /// <summary>Drops every name holding an address of a family that was not read, with all its records.</summary>
    public static IEnumerable<DnsRecord> OnlyJudgeable(IEnumerable<DnsRecord> records, bool v4Read, bool v6Read) =>
        records.GroupBy(r => r.Name)
            .Where(name => (v4Read || name.All(r => r.Type != RecordType.A)) && (v6Read || name.All(r => r.Type != RecordType.Aaaa)))
            .SelectMany(name => name);
}
