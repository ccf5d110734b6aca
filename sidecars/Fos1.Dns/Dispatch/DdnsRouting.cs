using Fos1.Ddns;
using Fos1.Ddns.Zones;

namespace Fos1.Dns.Dispatch;

/// <summary>Which domain takes the forward and which the reverse half of a name change.</summary>
public sealed class DdnsRouting(IEnumerable<DdnsDomain> forward, IEnumerable<DdnsDomain> reverse)
{
    public ZoneMatcher<DdnsDomain> Forward { get; } = new(forward.Select(d => KeyValuePair.Create(d.Zone, d)));

    public ZoneMatcher<DdnsDomain> Reverse { get; } = new(reverse.Select(d => KeyValuePair.Create(d.Zone, d)));
}
