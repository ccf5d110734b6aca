using System.Collections.Immutable;
using Fos1.Ddns;
using Fos1.Zones.Records;

namespace Fos1.Zones.Policy;

/// <summary>
/// Lets the holder of TSIG key <paramref name="Key"/> (null: unsigned requests, which count only when
/// the policy allows anonymous updates) change records of <paramref name="Types"/> at the names
/// <paramref name="Names"/> covers in <paramref name="Zone"/>.
/// </summary>
public sealed record UpdateGrant(DnsName? Key, DnsName Zone, NamePattern Names, IReadOnlySet<ushort> Types)
{
    /// <summary>What a DHCP server writes: A, AAAA, PTR, DHCID, TXT (older ISC servers used TXT for ownership).</summary>
    public static IReadOnlySet<ushort> DefaultTypes { get; } =
        ImmutableHashSet.Create(DnsType.A, DnsType.Aaaa, DnsType.Ptr, DnsType.Dhcid, DnsType.Txt);

    /// <summary>A grant for the default types.</summary>
    public static UpdateGrant ForKey(DnsName? key, DnsName zone, NamePattern names) => new(key, zone, names, DefaultTypes);

    public bool Covers(DnsName? key, DnsName zone) => Key == key && Zone == zone;

    public bool Permits(DnsName? key, DnsName zone, DnsName name, ushort type)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Covers(key, zone) && Names.Matches(name, zone) && Types.Contains(type);
    }
}
