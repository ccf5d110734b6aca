using System.Net;

namespace Fos1.Ddns.Leases;

public enum NameChangeKind
{
    Add,
    Remove,
}

/// <summary>
/// What DNS must learn about one lease: bind <paramref name="Fqdn"/> to <paramref name="Address"/>
/// (forward and/or reverse) on behalf of the client proven by <paramref name="Dhcid"/>, or unbind it.
/// Every lease source (Kea NCRs, hook spool, lease_cmds, memfile) is turned into these.
/// </summary>
/// <param name="Ttl">TTL of the records written (Kea sends the lease length).</param>
/// <param name="UseConflictResolution">RFC 4703 prerequisites (true) or Kea's "simple" mode (false).</param>
public sealed record NameChange(
    NameChangeKind Kind,
    bool Forward,
    bool Reverse,
    DnsName Fqdn,
    IPAddress Address,
    Dhcid Dhcid,
    uint Ttl,
    bool UseConflictResolution,
    DateTimeOffset? LeaseExpiresOn);
