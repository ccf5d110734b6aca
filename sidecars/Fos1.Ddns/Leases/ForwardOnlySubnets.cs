using System.Net;

namespace Fos1.Ddns.Leases;

/// <summary>
/// Subnets whose leases get forward records only (a DHCP service with <c>dnsupdates.reverse: false</c>).
/// Kea 2.2 cannot be told to skip the PTR half of DDNS per subnet, so its NCRs (and every other lease source)
/// still ask for it; this filter takes the reverse half out. Immutable: build a new one for each rendering.
/// </summary>
public sealed class ForwardOnlySubnets
{
    private readonly IReadOnlyList<IPNetwork> _networks;

    private ForwardOnlySubnets(IReadOnlyList<IPNetwork> networks) => _networks = networks;

    public static ForwardOnlySubnets None { get; } = new([]);

    public IReadOnlyList<IPNetwork> Networks => _networks;

    /// <param name="networks">CIDR prefixes, e.g. "192.0.2.0/24", "2001:db8:1::/64".</param>
    /// <exception cref="FormatException">A prefix is not CIDR notation.</exception>
    public static ForwardOnlySubnets Of(IEnumerable<string> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        var parsed = networks.Select(IPNetwork.Parse).Distinct().ToList();
        return parsed.Count == 0 ? None : new ForwardOnlySubnets(parsed);
    }

    /// <summary>Both lists in one (one per address family, each from its own rendering).</summary>
    public ForwardOnlySubnets With(ForwardOnlySubnets other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other._networks.Count == 0 ? this
            : _networks.Count == 0 ? other
            : new ForwardOnlySubnets([.. _networks.Concat(other._networks).Distinct()]);
    }

    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var network in _networks)
        {
            if (network.Contains(plain))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The change as this filter lets it through: unchanged outside the subnets, without its reverse half inside
    /// them, null when nothing is left (a reverse-only change for a forward-only subnet).
    /// </summary>
    public NameChange? Filter(NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!change.Reverse || !Contains(change.Address))
        {
            return change;
        }

        return change.Forward ? change with { Reverse = false } : null;
    }

    /// <summary><see cref="Filter(NameChange)"/> over a batch, dropping the changes that end up empty.</summary>
    public IReadOnlyList<NameChange> Filter(IEnumerable<NameChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return _networks.Count == 0 ? changes as IReadOnlyList<NameChange> ?? [.. changes] : [.. changes.Select(Filter).OfType<NameChange>()];
    }
}
