using System.Net;
using System.Net.Sockets;
using Fos1.Crds.Validation;
using static Fos1.Crds.Dhcp.DhcpCommonValidation;

namespace Fos1.Crds.Dhcp;

/// <summary>The DHCPv6-only parts: delegated-prefix pools and DUID reservations.</summary>
internal static class DhcpV6SubnetValidation
{
    public static IPNetwork? Subnet(List<ValidationError> errors, string path, DhcpSubnet6 subnet, Dictionary<long, string> ids)
    {
        IPNetwork? network = null;
        if (Syntax.TryNetwork(subnet.Subnet, AddressFamily.InterNetworkV6, out var parsed, out var error))
        {
            network = parsed;
        }
        else
        {
            errors.Add(new(path + ".subnet", error));
        }

        SubnetId(errors, path + ".id", subnet.Id, ids);
        Lifetime(errors, path + ".validLifetime", subnet.ValidLifetime);
        Lifetime(errors, path + ".preferredLifetime", subnet.PreferredLifetime);
        Pools(errors, path + ".pools", subnet.Pools, network, AddressFamily.InterNetworkV6);
        PdPools(errors, path + ".pdPools", subnet.PdPools);
        Options(errors, path + ".options", subnet.Options);
        Reservations(errors, path + ".reservations", subnet.Reservations, network);
        return network;
    }

    private static void PdPools(List<ValidationError> errors, string path, IReadOnlyList<PdPool> pools)
    {
        var prefixes = new List<(IPNetwork Prefix, int Index)>();
        for (var i = 0; i < pools.Count; i++)
        {
            var at = $"{path}[{i}]";
            if (!Syntax.TryNetwork(pools[i].Prefix, AddressFamily.InterNetworkV6, out var prefix, out var error))
            {
                errors.Add(new(at + ".prefix", error));
                continue;
            }

            var length = pools[i].DelegatedLength;
            if (length < prefix.Value.PrefixLength || length > 128)
            {
                errors.Add(new(at + ".delegatedLength", $"{length} is outside {prefix.Value.PrefixLength}..128 (the prefix length up to 128)"));
            }

            foreach (var other in prefixes)
            {
                if (AddressOrder.Overlap(prefix.Value, other.Prefix))
                {
                    errors.Add(new(at + ".prefix", $"{prefix} overlaps {path}[{other.Index}]"));
                }
            }

            prefixes.Add((prefix.Value, i));
        }
    }

    private static void Reservations(List<ValidationError> errors, string path, IReadOnlyList<DhcpReservation6> reservations, IPNetwork? network)
    {
        var duids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var addresses = new Dictionary<IPAddress, int>();
        for (var i = 0; i < reservations.Count; i++)
        {
            var at = $"{path}[{i}]";
            var reservation = reservations[i];
            if (string.IsNullOrEmpty(reservation.Duid))
            {
                errors.Add(new(at + ".duid", "is required"));
            }

            // RFC 8415 section 11.1: a 2-octet type plus up to 128 octets of identifier.
            else if (!Syntax.IsHexOctets(reservation.Duid, 3, 130))
            {
                errors.Add(new(at + ".duid", $"'{reservation.Duid}' is not a DUID (3..130 hex octets, e.g. 00:01:00:01:...)"));
            }
            else if (!duids.TryAdd(reservation.Duid.Replace(":", "", StringComparison.Ordinal), i))
            {
                errors.Add(new(at + ".duid", $"is already reserved by {path}[{duids[reservation.Duid.Replace(":", "", StringComparison.Ordinal)]}]"));
            }

            for (var j = 0; j < reservation.IpAddresses.Count; j++)
            {
                if (Address(errors, $"{at}.ipAddresses[{j}]", reservation.IpAddresses[j], network, AddressFamily.InterNetworkV6, out var address)
                    && !addresses.TryAdd(address!, i))
                {
                    errors.Add(new($"{at}.ipAddresses[{j}]", $"{address} is already reserved by {path}[{addresses[address!]}]"));
                }
            }

            for (var j = 0; j < reservation.Prefixes.Count; j++)
            {
                if (!Syntax.TryNetwork(reservation.Prefixes[j], AddressFamily.InterNetworkV6, out _, out var error))
                {
                    errors.Add(new($"{at}.prefixes[{j}]", error));
                }
            }

            Hostname(errors, at + ".hostname", reservation.Hostname);
        }
    }
}
