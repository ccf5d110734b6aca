using Fos1.Ddns.Leases;

namespace Fos1.Kea.ControlSocket;

/// <summary>A lease as Kea listed it, with the state Kea keeps beside it.</summary>
public sealed record KeaLease(Lease Lease, KeaLeaseState State)
{
    /// <summary>Held by a client now: state default with a lifetime (declined and reclaimed leases hold no name).</summary>
    public bool IsActive => State == KeaLeaseState.Default && Lease.ValidLifetime > 0;
}
