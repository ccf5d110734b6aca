namespace Fos1.Ddns.Leases;

/// <summary>What happened to a lease (the union of Kea's hook points and lease-file changes).</summary>
public enum LeaseEventKind
{
    /// <summary>Granted or renewed: the lease is active until <see cref="Lease.Expires"/>.</summary>
    Committed,
    Released,
    Declined,
    Expired,

    /// <summary>
    /// Removed by Kea: a commit that dropped another lease, lease4-del, or a declined address
    /// recovered into the pool (Kea's lease4_recover hook, which is not a renewal).
    /// </summary>
    Deleted,
}

/// <summary>Where a lease event came from (a metric label).</summary>
public enum LeaseSource
{
    Ncr,
    HookSpool,
    ControlSocket,
    Memfile,

    /// <summary>The sidecar's own expiry schedule: the lease's time ran out without a renewal.</summary>
    Expiry,

    /// <summary>Reconciliation against Kea's lease list and the zones' contents.</summary>
    Reconciliation,
}

/// <summary>One observed change to one lease.</summary>
public sealed record LeaseEvent(LeaseEventKind Kind, Lease Lease, LeaseSource Source, DateTimeOffset ObservedAt)
{
    /// <summary>After this event the lease should have records (committed/recovered) or none.</summary>
    public bool LeaseIsActive => Kind is LeaseEventKind.Committed;
}
