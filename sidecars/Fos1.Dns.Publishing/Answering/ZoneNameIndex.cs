using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Fos1.Zones;

namespace Fos1.Dns.Publishing.Answering;

/// <summary>
/// Every name that exists in a zone version (RFC 8020): owners of data plus the empty non-terminals
/// above them. Built once per immutable <see cref="Zone"/> and dropped with it, so a negative answer
/// costs one set lookup instead of a walk over the zone.
/// </summary>
internal static class ZoneNameIndex
{
    private static readonly ConditionalWeakTable<Zone, FrozenSet<DnsName>> Existing = [];

    public static bool Exists(Zone zone, DnsName name) =>
        Existing.GetValue(zone, Build).Contains(name);

    private static FrozenSet<DnsName> Build(Zone zone)
    {
        var names = new HashSet<DnsName>();
        foreach (var owner in zone.Names)
        {
            // Stops at the first ancestor already present: its own ancestors went in with it.
            var name = owner;
            while (name is not null && name.IsAtOrBelow(zone.Origin) && names.Add(name))
            {
                name = name.Parent;
            }
        }

        return names.ToFrozenSet();
    }
}
