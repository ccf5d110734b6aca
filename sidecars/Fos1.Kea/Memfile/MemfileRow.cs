using Fos1.Ddns.Leases;
using Fos1.Kea.ControlSocket;

namespace Fos1.Kea.Memfile;

/// <summary>One row of a lease file: the lease as Kea wrote it at that moment.</summary>
public sealed record MemfileRow(Lease Lease, KeaLeaseState State)
{
    /// <summary>Kea writes a row with <c>valid_lifetime</c> 0 when it deletes a lease.</summary>
    public bool IsDeletion => Lease.ValidLifetime == 0;

    /// <summary>Held by a client after this row.</summary>
    public bool IsActive => !IsDeletion && State == KeaLeaseState.Default;

    public LeaseEvent ToLeaseEvent(DateTimeOffset observedAt) => new(
        IsDeletion ? LeaseEventKind.Deleted : State switch
        {
            KeaLeaseState.Declined => LeaseEventKind.Declined,
            KeaLeaseState.ExpiredReclaimed => LeaseEventKind.Expired,
            _ => LeaseEventKind.Committed,
        },
        Lease,
        LeaseSource.Memfile,
        observedAt);
}
