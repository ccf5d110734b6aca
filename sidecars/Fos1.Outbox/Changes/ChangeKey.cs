using System.Net;
using Fos1.Ddns.Leases;

namespace Fos1.Outbox.Changes;

/// <summary>
/// What two changes must share to coalesce: the same binding of one name to one address for one
/// client, on the same sides. A forward-only and a reverse-only remove (as reconciliation plans them)
/// are two different changes, not a repeat.
/// </summary>
public readonly record struct ChangeKey(DnsName Fqdn, IPAddress Address, Dhcid Dhcid, bool Forward, bool Reverse)
{
    public static ChangeKey Of(NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new ChangeKey(change.Fqdn, change.Address, change.Dhcid, change.Forward, change.Reverse);
    }
}
