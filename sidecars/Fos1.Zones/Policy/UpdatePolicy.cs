using Fos1.Ddns;

namespace Fos1.Zones.Policy;

/// <summary>
/// Who may change what (BIND's update-policy, grant rules only). A request is signed by one key or by
/// none; every update RR must be permitted by some grant for that key, or the whole message is
/// REFUSED. Unsigned requests are refused unless <paramref name="AllowAnonymous"/> is set and a grant
/// with a null key covers them: two opt-ins, so a grant that lost its key in configuration does not
/// open a zone to anyone.
/// </summary>
public sealed record UpdatePolicy(IReadOnlyList<UpdateGrant> Grants, bool AllowAnonymous = false)
{
    public static UpdatePolicy DenyAll { get; } = new([]);

    /// <summary>True when the signer may send updates to the zone at all.</summary>
    public bool MayUpdate(DnsName? key, DnsName zone) =>
        (key is not null || AllowAnonymous) && Grants.Any(g => g.Covers(key, zone));

    public bool Permits(DnsName? key, DnsName zone, DnsName name, ushort type) =>
        (key is not null || AllowAnonymous) && Grants.Any(g => g.Permits(key, zone, name, type));

    /// <summary>True when some grant for the signer covers <paramref name="name"/>, whatever the type.</summary>
    public bool CoversName(DnsName? key, DnsName zone, DnsName name) =>
        (key is not null || AllowAnonymous) && Grants.Any(g => g.Covers(key, zone) && g.Names.Matches(name, zone));
}
