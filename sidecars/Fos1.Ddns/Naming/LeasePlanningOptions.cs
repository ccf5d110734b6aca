namespace Fos1.Ddns.Naming;

/// <summary>How lease events become <see cref="Leases.NameChange"/>s when the sidecar names hosts.</summary>
public sealed record LeasePlanningOptions
{
    public static LeasePlanningOptions Default { get; } = new();

    public TtlPolicy Ttl { get; init; } = TtlPolicy.Default;

    public DualStackOwnership DualStack { get; init; } = DualStackOwnership.ClientIdentifier;

    /// <summary>Write A/AAAA + DHCID at the name.</summary>
    public bool ForwardUpdates { get; init; } = true;

    /// <summary>Write PTR + DHCID at the reverse name.</summary>
    public bool ReverseUpdates { get; init; } = true;

    /// <summary>
    /// Also require the lease's own fqdn_fwd/fqdn_rev flags (memfile, lease_cmds). Off by default: with Kea's
    /// DDNS disabled those flags are false for every lease, and the hook environment does not carry them.
    /// </summary>
    public bool HonourLeaseDnsFlags { get; init; }

    /// <summary>RFC 4703 prerequisites (D2's default); false is Kea's "no conflict resolution" mode.</summary>
    public bool UseConflictResolution { get; init; } = true;
}
