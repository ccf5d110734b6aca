using Fos1.Ddns.Leases;

namespace Fos1.Ddns.Naming;

/// <summary>
/// Turns a lease event into the <see cref="NameChange"/> DNS must learn when the sidecar names the host:
/// an add while the lease is active, a remove once it ended. The owner (DHCID) is computed exactly as
/// Kea does (<see cref="ClientIdentity"/>), unless <see cref="DualStackOwnership.HardwareAddress"/> is chosen.
/// </summary>
public sealed class LeaseNameChangePlanner
{
    private readonly HostNamer _namer;
    private readonly LeasePlanningOptions _options;

    public LeaseNameChangePlanner(HostNamer namer, LeasePlanningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(namer);
        _namer = namer;
        _options = options ?? LeasePlanningOptions.Default;
    }

    public LeaseNamePlan Plan(LeaseEvent leaseEvent)
    {
        ArgumentNullException.ThrowIfNull(leaseEvent);
        var lease = leaseEvent.Lease;
        if (lease.Type == LeaseType.IaPd)
        {
            return LeaseNamePlan.Skip(LeaseSkipReason.PrefixDelegation, $"{lease.Address} is a delegated prefix");
        }

        var forward = _options.ForwardUpdates && (!_options.HonourLeaseDnsFlags || lease.ForwardDns);
        var reverse = _options.ReverseUpdates && (!_options.HonourLeaseDnsFlags || lease.ReverseDns);
        if (!forward && !reverse)
        {
            return LeaseNamePlan.Skip(LeaseSkipReason.NoUpdatesWanted, "forward and reverse updates are off for this lease");
        }

        var naming = _namer.Name(lease.Hostname, lease.Address);
        if (naming.Fqdn is not { } fqdn)
        {
            return LeaseNamePlan.Skip(LeaseSkipReason.NoName, naming.Reason ?? "no name", naming);
        }

        if (Owner(lease) is not { } owner)
        {
            return LeaseNamePlan.Skip(LeaseSkipReason.NoClientIdentity, $"the lease of {lease.Address} names no client-id, hardware address or DUID", naming);
        }

        var change = new NameChange(
            leaseEvent.LeaseIsActive ? NameChangeKind.Add : NameChangeKind.Remove,
            forward,
            reverse,
            fqdn,
            lease.Address,
            owner.ComputeDhcid(fqdn),
            _options.Ttl.For(lease.ValidLifetime),
            _options.UseConflictResolution,
            lease.Expires);
        return new LeaseNamePlan(change, null, null, naming);
    }

    /// <summary>The identity whose DHCID owns the lease's name (see <see cref="DualStackOwnership"/>).</summary>
    public ClientIdentity? Owner(Lease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var hardware = lease.HardwareAddress is { Length: > 0 } mac ? ClientIdentity.FromHardwareAddress(lease.HardwareType, mac) : null;
        if (_options.DualStack == DualStackOwnership.HardwareAddress && hardware is not null)
        {
            return hardware;
        }

        if (lease.Type == LeaseType.V4)
        {
            // Kea: the client-id wins over chaddr; a malformed RFC 4361 id falls back to chaddr.
            if (lease.ClientId is { Length: > 0 } clientId && ClientIdentity.TryFromClientIdentifier(clientId, out var identity, out _))
            {
                return identity;
            }

            return hardware;
        }

        return lease.Duid is { Length: > 0 and <= ClientIdentity.MaxDuidLength } duid ? ClientIdentity.FromDuid(duid) : null;
    }
}
