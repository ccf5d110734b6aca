using System.Diagnostics.CodeAnalysis;

namespace Fos1.Ddns.Zones;

/// <summary>
/// Finds the zone an UPDATE for a name must go to: the longest configured zone that the name equals or
/// lies below on a label boundary (<c>fooexample.com</c> is not in <c>example.com</c>), compared
/// case-insensitively. The root zone, if configured, catches every name (Kea D2's "*" domain).
/// Immutable: build a new matcher when the zone configuration changes.
/// </summary>
/// <typeparam name="TDomain">What the caller keeps per zone (servers, TSIG key, policy...).</typeparam>
public sealed class ZoneMatcher<TDomain>
{
    // Values keep the configured spelling of each zone: a lookup key may be spelt differently.
    private readonly Dictionary<DnsName, ZoneMatch<TDomain>> _zones;

    /// <exception cref="ArgumentException">A zone is configured twice (in any letter case).</exception>
    public ZoneMatcher(IEnumerable<KeyValuePair<DnsName, TDomain>> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        _zones = [];
        foreach (var (zone, domain) in zones)
        {
            ArgumentNullException.ThrowIfNull(zone);
            if (!_zones.TryAdd(zone, new ZoneMatch<TDomain>(zone, domain)))
            {
                throw new ArgumentException($"zone {zone} is configured more than once", nameof(zones));
            }
        }
    }

    public IReadOnlyCollection<ZoneMatch<TDomain>> Zones => _zones.Values;

    public bool TryMatch(DnsName name, [NotNullWhen(true)] out ZoneMatch<TDomain>? match)
    {
        ArgumentNullException.ThrowIfNull(name);

        // Walking up from the name itself finds the longest zone first, in O(labels).
        for (DnsName? candidate = name; candidate is not null; candidate = candidate.Parent)
        {
            if (_zones.TryGetValue(candidate, out match))
            {
                return true;
            }
        }

        match = null;
        return false;
    }

    /// <summary>The matching zone, or null when no configured zone holds <paramref name="name"/>.</summary>
    public ZoneMatch<TDomain>? Match(DnsName name) => TryMatch(name, out var match) ? match : null;
}
