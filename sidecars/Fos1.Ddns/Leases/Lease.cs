using System.Net;

namespace Fos1.Ddns.Leases;

/// <summary>Which kind of address a lease gives (IA_PD prefixes get no DNS records).</summary>
public enum LeaseType
{
    V4,
    IaNa,
    IaTa,
    IaPd,
}

/// <summary>
/// One lease as Kea reports it (hook environment, lease_cmds, memfile CSV): the facts the naming
/// and DHCID code need, nothing Kea-specific beyond that. Byte arrays are never mutated.
/// </summary>
/// <param name="HardwareAddress">The MAC, if Kea knows it.</param>
/// <param name="ClientId">DHCPv4 client-id option contents (v4 only).</param>
/// <param name="Duid">The client DUID (v6 only).</param>
/// <param name="Hostname">The host name Kea stored (already the FQDN when Kea qualified it), or null.</param>
/// <param name="ForwardDns">Kea's fqdn_fwd flag: the client asked for / Kea agreed to forward updates.</param>
/// <param name="ReverseDns">Kea's fqdn_rev flag.</param>
/// <param name="ValidLifetime">Seconds; 0 means the lease is gone (memfile's delete marker).</param>
/// <param name="Expires">When the lease ends unless renewed.</param>
public sealed record Lease(
    IPAddress Address,
    LeaseType Type,
    byte HardwareType,
    byte[]? HardwareAddress,
    byte[]? ClientId,
    byte[]? Duid,
    uint Iaid,
    string? Hostname,
    bool ForwardDns,
    bool ReverseDns,
    uint ValidLifetime,
    DateTimeOffset Expires,
    uint SubnetId);
