using System.Collections.Immutable;
using Fos1.Ddns;
using Fos1.Zones.Journal;
using Fos1.Zones.Records;

namespace Fos1.Zones;

/// <summary>
/// One version of an authoritative zone of class IN. Immutable: every change returns a new version,
/// so servers can answer from a snapshot while an update builds the next one.
/// </summary>
public sealed class Zone : IEquatable<Zone>
{
    private readonly ImmutableDictionary<DnsName, ImmutableSortedDictionary<ushort, RRset>> _names;

    private Zone(DnsName origin, ImmutableDictionary<DnsName, ImmutableSortedDictionary<ushort, RRset>> names)
    {
        Origin = origin;
        _names = names;
        var soa = Find(origin, DnsType.Soa) ?? throw new ArgumentException($"zone {origin} has no SOA at its apex");
        if (soa.Data.Length != 1)
        {
            throw new ArgumentException($"zone {origin} has {soa.Data.Length} SOA records at its apex, not one");
        }

        SoaRecord = soa.Records.Single();
        Soa = SoaRecord.Data.ToSoa();
    }

    public DnsName Origin { get; }

    public ResourceRecord SoaRecord { get; }

    public SoaData Soa { get; }

    public uint Serial => Soa.Serial;

    public int RecordCount => _names.Values.Sum(types => types.Values.Sum(set => set.Data.Length));

    /// <summary>Owner names holding data, in canonical order (the apex first).</summary>
    public IEnumerable<DnsName> Names => _names.Keys.Order(CanonicalNameOrder.Instance);

    /// <summary>Every RRset: names in canonical order; at a name SOA first, then NS, then by type code.</summary>
    public IEnumerable<RRset> RRsets => Names.SelectMany(At);

    public IEnumerable<ResourceRecord> Records => RRsets.SelectMany(set => set.Records);

    /// <summary>
    /// A zone from records, as a zone file loads: exactly one SOA, at the apex; every owner at or below
    /// the origin; no CNAME beside other data. Duplicates collapse; an RRset takes the TTL of its first
    /// record (what BIND's loader does when the TTLs of a set disagree).
    /// </summary>
    public static Zone Create(DnsName origin, IEnumerable<ResourceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(records);
        var names = ImmutableDictionary<DnsName, ImmutableSortedDictionary<ushort, RRset>>.Empty;
        foreach (var record in records)
        {
            if (!record.Owner.IsAtOrBelow(origin))
            {
                throw new ArgumentException($"{record.Owner} is outside zone {origin}", nameof(records));
            }

            if (record.Type == DnsType.Soa && record.Owner != origin)
            {
                throw new ArgumentException($"an SOA at {record.Owner} is not at the apex of {origin}", nameof(records));
            }

            if (DnsType.IsMeta(record.Type))
            {
                throw new ArgumentException($"{DnsType.Mnemonic(record.Type)} at {record.Owner} is not zone data", nameof(records));
            }

            var types = names.GetValueOrDefault(record.Owner) ?? ImmutableSortedDictionary<ushort, RRset>.Empty;
            var set = types.TryGetValue(record.Type, out var existing)
                ? existing.With(record.Data, existing.Ttl)
                : RRset.Create(record.Owner, record.Ttl, [record.Data]);
            names = names.SetItem(record.Owner, types.SetItem(record.Type, set));
        }

        foreach (var (owner, types) in names)
        {
            if (types.TryGetValue(DnsType.Cname, out var cname)
                && (cname.Data.Length > 1 || types.Keys.Any(t => !DnsType.MayAccompanyCname(t))))
            {
                throw new ArgumentException($"{owner} has a CNAME and other data", nameof(records));
            }
        }

        return new Zone(origin, names);
    }

    /// <summary>True when <paramref name="name"/> is the origin or below it.</summary>
    public bool Contains(DnsName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.IsAtOrBelow(Origin);
    }

    /// <summary>True when at least one record is owned by <paramref name="name"/> (RFC 2136 "name is in use").</summary>
    public bool HasName(DnsName name) => _names.ContainsKey(name);

    public RRset? Find(DnsName owner, ushort type) =>
        _names.TryGetValue(owner, out var types) && types.TryGetValue(type, out var set) ? set : null;

    /// <summary>The RRsets at a name: SOA first, then NS, then by type code.</summary>
    public IReadOnlyList<RRset> At(DnsName owner) =>
        _names.TryGetValue(owner, out var types)
            ? [.. types.Values.OrderBy(set => set.Type switch { DnsType.Soa => 0, DnsType.Ns => 1, _ => 2 }).ThenBy(set => set.Type)]
            : [];

    /// <summary>Replays a journal entry written by an update of the version it starts from.</summary>
    /// <exception cref="InvalidOperationException">The entry does not start from this version.</exception>
    public Zone Apply(UpdateJournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Zone != Origin || entry.FromSerial != Serial)
        {
            throw new InvalidOperationException(
                $"journal entry {entry.Zone} {entry.FromSerial} -> {entry.ToSerial} does not start from {Origin} serial {Serial}");
        }

        var names = _names;
        foreach (var removed in entry.Removed)
        {
            var set = Lookup(names, removed.Owner, removed.Type);
            if (set is null || !set.Contains(removed.Data))
            {
                throw new InvalidOperationException($"journal entry removes {removed}, which zone {Origin} serial {Serial} does not hold");
            }

            names = Store(names, removed.Owner, removed.Type, set.Without(removed.Data));
        }

        foreach (var added in entry.Added)
        {
            var set = Lookup(names, added.Owner, added.Type);
            names = Store(names, added.Owner, added.Type, set is null ? RRset.Create(added.Owner, added.Ttl, [added.Data]) : set.With(added.Data, added.Ttl));
        }

        var next = new Zone(Origin, names);
        return next.Serial == entry.ToSerial
            ? next
            : throw new InvalidOperationException($"journal entry ends at serial {next.Serial}, not {entry.ToSerial}");
    }

    internal Zone With(DnsName owner, ushort type, RRset? set) => new(Origin, Store(_names, owner, type, set));

    public bool Equals(Zone? other) =>
        other is not null && Origin == other.Origin && _names.Count == other._names.Count
        && _names.All(pair => other._names.TryGetValue(pair.Key, out var types)
            && types.Count == pair.Value.Count
            && pair.Value.All(set => types.TryGetValue(set.Key, out var otherSet) && set.Value.Equals(otherSet)));

    public override bool Equals(object? obj) => Equals(obj as Zone);

    public override int GetHashCode() => HashCode.Combine(Origin, _names.Count, Serial);

    public override string ToString() => $"zone {Origin} serial {Serial} ({RecordCount} records)";

    private static RRset? Lookup(ImmutableDictionary<DnsName, ImmutableSortedDictionary<ushort, RRset>> names, DnsName owner, ushort type) =>
        names.TryGetValue(owner, out var types) && types.TryGetValue(type, out var set) ? set : null;

    private static ImmutableDictionary<DnsName, ImmutableSortedDictionary<ushort, RRset>> Store(
        ImmutableDictionary<DnsName, ImmutableSortedDictionary<ushort, RRset>> names, DnsName owner, ushort type, RRset? set)
    {
        var types = names.GetValueOrDefault(owner) ?? ImmutableSortedDictionary<ushort, RRset>.Empty;
        types = set is null ? types.Remove(type) : types.SetItem(type, set);
        return types.IsEmpty ? names.Remove(owner) : names.SetItem(owner, types);
    }
}
