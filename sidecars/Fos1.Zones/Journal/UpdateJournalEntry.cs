using Fos1.Ddns;
using Fos1.Zones.Records;

namespace Fos1.Zones.Journal;

/// <summary>
/// What one applied UPDATE changed, as a replayable difference in the shape of an IXFR sequence
/// (RFC 1995 section 4): the old SOA is among <see cref="Removed"/>, the new SOA among
/// <see cref="Added"/>. A TTL change is the record removed at its old TTL and added at its new one.
/// Both lists are in canonical order, so the same update always yields the same entry.
/// </summary>
public sealed record UpdateJournalEntry(
    DnsName Zone,
    uint FromSerial,
    uint ToSerial,
    IReadOnlyList<ResourceRecord> Removed,
    IReadOnlyList<ResourceRecord> Added)
{
    /// <summary>The difference between two versions of one zone, looking only at the RRsets named.</summary>
    internal static UpdateJournalEntry Between(Zone before, Zone after, IEnumerable<(DnsName Owner, ushort Type)> touched)
    {
        var removed = new List<ResourceRecord>();
        var added = new List<ResourceRecord>();
        foreach (var (owner, type) in touched.Distinct())
        {
            var old = before.Find(owner, type)?.Records.ToHashSet() ?? [];
            var now = after.Find(owner, type)?.Records.ToHashSet() ?? [];
            removed.AddRange(old.Except(now));
            added.AddRange(now.Except(old));
        }

        return new UpdateJournalEntry(before.Origin, before.Serial, after.Serial, Canonical(removed), Canonical(added));
    }

    private static ResourceRecord[] Canonical(List<ResourceRecord> records) =>
        [.. records
            .OrderBy(r => r.Owner, CanonicalNameOrder.Instance)
            .ThenBy(r => r.Type == DnsType.Soa ? 0 : 1)
            .ThenBy(r => r.Type)
            .ThenBy(r => r.Data)
            .ThenBy(r => r.Ttl)];

    public override string ToString() =>
        $"{Zone} {FromSerial} -> {ToSerial}: -[{string.Join("; ", Removed)}] +[{string.Join("; ", Added)}]";
}
