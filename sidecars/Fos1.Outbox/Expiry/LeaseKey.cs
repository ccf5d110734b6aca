using System.Net;
using Fos1.Ddns.Leases;

namespace Fos1.Outbox.Expiry;

/// <summary>One lease as the expiry schedule knows it: an address held by one client.</summary>
public readonly record struct LeaseKey(IPAddress Address, Dhcid Dhcid)
{
    public static LeaseKey Of(NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new LeaseKey(change.Address, change.Dhcid);
    }
}
