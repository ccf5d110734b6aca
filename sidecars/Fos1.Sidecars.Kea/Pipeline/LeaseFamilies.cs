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
    public static IReadOnlyList<DnsRecord> OnlyJudgeable(IReadOnlyList<DnsRecord> records, bool v4Read, bool v6Read)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (v4Read && v6Read)
        {
            return records;
        }

        // The names to drop are few or none: find them in one pass rather than grouping 400,000 records by name,
        // which held a second copy of both zones in memory.
        var unjudgeable = records.Where(r => (!v4Read && r.Type == RecordType.A) || (!v6Read && r.Type == RecordType.Aaaa))
            .Select(r => r.Name)
            .ToHashSet();
        return unjudgeable.Count == 0 ? records : [.. records.Where(r => !unjudgeable.Contains(r.Name))];
    }
}
