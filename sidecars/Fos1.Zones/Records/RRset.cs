using System.Collections.Immutable;
using Fos1.Ddns;

namespace Fos1.Zones.Records;

/// <summary>
/// All records of one owner and type. One TTL for the set (RFC 2181 section 5.2), no duplicate RDATA
/// (RFC 2136 section 1.1), RDATA kept in canonical order so equal sets look equal.
/// </summary>
public sealed class RRset : IEquatable<RRset>
{
    private RRset(DnsName owner, ushort type, uint ttl, ImmutableArray<Rdata> data)
    {
        Owner = owner;
        Type = type;
        Ttl = ttl;
        Data = data;
    }

    public DnsName Owner { get; }

    public ushort Type { get; }

    public uint Ttl { get; }

    /// <summary>Never empty; canonical (RFC 4034 section 6.3) order.</summary>
    public ImmutableArray<Rdata> Data { get; }

    public IEnumerable<ResourceRecord> Records => Data.Select(d => new ResourceRecord(Owner, Ttl, d));

    /// <summary>A set from RDATA; duplicates collapse.</summary>
    public static RRset Create(DnsName owner, uint ttl, IEnumerable<Rdata> data)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(data);
        var sorted = data.Distinct().Order().ToImmutableArray();
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("an RRset holds at least one record", nameof(data));
        }

        var type = sorted[0].Type;
        if (sorted.Any(d => d.Type != type))
        {
            throw new ArgumentException("an RRset holds records of one type", nameof(data));
        }

        return new RRset(owner, type, ttl, sorted);
    }

    public bool Contains(Rdata data) => Data.Contains(data);

    /// <summary>The set plus <paramref name="data"/>, all at <paramref name="ttl"/>.</summary>
    public RRset With(Rdata data, uint ttl) => Create(Owner, ttl, Data.Add(data));

    /// <summary>The set without <paramref name="data"/>; null when nothing is left.</summary>
    public RRset? Without(Rdata data)
    {
        var rest = Data.Remove(data);
        return rest.IsEmpty ? null : new RRset(Owner, Type, Ttl, rest);
    }

    public bool Equals(RRset? other) =>
        other is not null && Owner == other.Owner && Type == other.Type && Ttl == other.Ttl
        && Data.SequenceEqual(other.Data);

    public override bool Equals(object? obj) => Equals(obj as RRset);

    public override int GetHashCode() => HashCode.Combine(Owner, Type, Ttl, Data.Length);

    public override string ToString() => string.Join(Environment.NewLine, Records);
}
