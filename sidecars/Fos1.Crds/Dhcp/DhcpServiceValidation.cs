using System.Net;
using System.Net.Sockets;
using Fos1.Crds.Validation;
using static Fos1.Crds.Dhcp.DhcpCommonValidation;

namespace Fos1.Crds.Dhcp;

/// <summary>
/// What the API server's schema and CEL rules check, and what they cannot (overlapping subnets, pools
/// against each other), done again because a controller must not trust that the rules ran.
/// </summary>
public static class DhcpServiceValidation
{
    public static IReadOnlyList<ValidationError> Validate(DhcpV4ServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<ValidationError>();
        Interfaces(errors, spec.Interfaces);
        Timers(errors, "spec.", spec.RenewTimer, spec.RebindTimer, spec.ValidLifetime);
        Options(errors, "spec.options", spec.Options);
        if (spec.Subnets.Count == 0)
        {
            errors.Add(new("spec.subnets", "at least one subnet is required"));
        }

        var networks = new List<IPNetwork?>();
        var ids = new Dictionary<long, string>();
        for (var i = 0; i < spec.Subnets.Count; i++)
        {
            networks.Add(Subnet(errors, $"spec.subnets[{i}]", spec.Subnets[i], ids));
        }

        Overlaps(errors, networks);
        DnsUpdates(errors, spec.DnsUpdates);
        return errors;
    }

    public static IReadOnlyList<ValidationError> Validate(DhcpV6ServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<ValidationError>();
        Interfaces(errors, spec.Interfaces);
        Timers(errors, "spec.", spec.RenewTimer, spec.RebindTimer, spec.ValidLifetime);
        Lifetime(errors, "spec.preferredLifetime", spec.PreferredLifetime);
        Options(errors, "spec.options", spec.Options);
        if (spec.Subnets.Count == 0)
        {
            errors.Add(new("spec.subnets", "at least one subnet is required"));
        }

        var networks = new List<IPNetwork?>();
        var ids = new Dictionary<long, string>();
        for (var i = 0; i < spec.Subnets.Count; i++)
        {
            networks.Add(DhcpV6SubnetValidation.Subnet(errors, $"spec.subnets[{i}]", spec.Subnets[i], ids));
        }

        Overlaps(errors, networks);
        DnsUpdates(errors, spec.DnsUpdates);
        return errors;
    }

    private static IPNetwork? Subnet(List<ValidationError> errors, string path, DhcpSubnet4 subnet, Dictionary<long, string> ids)
    {
        IPNetwork? network = null;
        if (Syntax.TryNetwork(subnet.Subnet, AddressFamily.InterNetwork, out var parsed, out var error))
        {
            network = parsed;
        }
        else
        {
            errors.Add(new(path + ".subnet", error));
        }

        SubnetId(errors, path + ".id", subnet.Id, ids);
        Lifetime(errors, path + ".validLifetime", subnet.ValidLifetime);
        Pools(errors, path + ".pools", subnet.Pools, network, AddressFamily.InterNetwork);
        Options(errors, path + ".options", subnet.Options);
        Reservations(errors, path + ".reservations", subnet.Reservations, network);
        return network;
    }

    private static void Reservations(List<ValidationError> errors, string path, IReadOnlyList<DhcpReservation4> reservations, IPNetwork? network)
    {
        var identifiers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var addresses = new Dictionary<IPAddress, int>();
        for (var i = 0; i < reservations.Count; i++)
        {
            var at = $"{path}[{i}]";
            var reservation = reservations[i];
            var identifier = Identifier(errors, at, reservation);
            if (identifier is not null && !identifiers.TryAdd(identifier, i))
            {
                errors.Add(new(at, $"reserves for the same client as {path}[{identifiers[identifier]}]"));
            }

            if (Address(errors, at + ".ipAddress", reservation.IpAddress, network, AddressFamily.InterNetwork, out var address)
                && !addresses.TryAdd(address!, i))
            {
                errors.Add(new(at + ".ipAddress", $"{address} is already reserved by {path}[{addresses[address!]}]"));
            }

            Hostname(errors, at + ".hostname", reservation.Hostname);
        }
    }

    // Kea takes exactly one identifier per reservation (hw-address, client-id... are mutually exclusive).
    private static string? Identifier(List<ValidationError> errors, string at, DhcpReservation4 reservation)
    {
        var hasHw = !string.IsNullOrEmpty(reservation.HwAddress);
        var hasClientId = !string.IsNullOrEmpty(reservation.ClientId);
        if (hasHw == hasClientId)
        {
            errors.Add(new(at, hasHw ? "give hwAddress or clientId, not both" : "one of hwAddress / clientId is required"));
            return null;
        }

        if (hasHw)
        {
            if (!Syntax.IsMac(reservation.HwAddress!))
            {
                errors.Add(new(at + ".hwAddress", $"'{reservation.HwAddress}' is not a MAC address (six colon-separated hex octets)"));
                return null;
            }

            return "hw:" + reservation.HwAddress;
        }

        // RFC 2132 section 9.14: a client identifier is at least two octets.
        if (!Syntax.IsHexOctets(reservation.ClientId!, 2, 255))
        {
            errors.Add(new(at + ".clientId", $"'{reservation.ClientId}' is not a client identifier (2..255 hex octets, e.g. 01:aa:bb:cc:dd:ee:ff)"));
            return null;
        }

        return "id:" + reservation.ClientId!.Replace(":", "", StringComparison.Ordinal);
    }
}
