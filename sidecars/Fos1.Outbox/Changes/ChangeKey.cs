using System.Net;
using Fos1.Ddns.Leases;

namespace Fos1.Outbox.Changes;

/// <summary>What two changes must share to coalesce: the same binding of one name to one address for one client.</summary>
public readonly record struct ChangeKey(DnsName Fqdn, IPAddress Address, Dhcid Dhcid)
{
    public static ChangeKey Of(NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new ChangeKey(change.Fqdn, change.Address, change.Dhcid);
    }
}
