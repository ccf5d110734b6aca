namespace Fos1.Ddns.Naming;

/// <summary>
/// Which client identity owns (DHCID) the name of a host that holds both a DHCPv4 and a DHCPv6 lease.
/// See docs/naming.md for what each choice means for a dual-stack host.
/// </summary>
public enum DualStackOwnership
{
    /// <summary>
    /// Kea D2's rule: v4 by client-id (else htype+chaddr), v6 by DUID. Only clients whose v4 client-id is an
    /// RFC 4361 type-255 id embedding their DHCPv6 DUID own one name from both families; for every other
    /// client the second family's add meets a name with a foreign DHCID and is refused as a conflict.
    /// </summary>
    ClientIdentifier,

    /// <summary>
    /// Both families by htype + hardware address when the lease carries one (Kea records the MAC of v6
    /// clients from the DUID or the link layer), falling back to <see cref="ClientIdentifier"/>. A host gets
    /// A and AAAA under one name; the DHCIDs differ from what Kea D2 writes, so do not mix with D2.
    /// </summary>
    HardwareAddress,
}
