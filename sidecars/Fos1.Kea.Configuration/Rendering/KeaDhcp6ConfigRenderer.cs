using System.Net;
using System.Text.Json.Nodes;
using Fos1.Crds.Dhcp;

namespace Fos1.Kea.Configuration.Rendering;

/// <summary>DHCPv6Service CRs + the kea-dhcp6 template -> the <c>Dhcp6</c> configuration. Pure: no I/O, no clock.</summary>
public static class KeaDhcp6ConfigRenderer
{
    /// <param name="services">Every DHCPv6Service the Kea serves (one namespace); order does not matter.</param>
    public static KeaConfigRendering Render(IEnumerable<DhcpV6Service> services, KeaConfigTemplate template, KeaRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(template);
        if (template.Family != 6)
        {
            throw new ArgumentException("DHCPv6Services need a Dhcp6 template", nameof(template));
        }

        return KeaConfigComposer.Compose(template, services.Select(Candidate), options ?? KeaRenderOptions.Default);
    }

    private static ServiceCandidate Candidate(DhcpV6Service service)
    {
        var spec = service.Spec;
        return ServiceCandidate.From(service.Metadata, spec?.Interfaces, spec?.DnsUpdates, DhcpServiceChecks.Check6(spec),
            key => [.. spec!.Subnets.Select(subnet => Subnet(key, spec, subnet))]);
    }

    private static SubnetCandidate Subnet(string key, DhcpV6ServiceSpec spec, DhcpSubnet6 subnet)
    {
        var network = IPNetwork.Parse(subnet.Subnet);
        return new SubnetCandidate(network, (uint?)subnet.Id, (id, sole) =>
        {
            var json = new JsonObject
            {
                ["id"] = id,
                ["subnet"] = network.ToString(),
            };

            // kea-dhcp6 picks the subnet of a directly connected client by interface name.
            if (sole is not null)
            {
                json["interface"] = sole;
            }

            json["pools"] = new JsonArray([.. subnet.Pools.Select(pool => (JsonNode)new JsonObject
            {
                ["pool"] = $"{IPAddress.Parse(pool.Start)} - {IPAddress.Parse(pool.End)}",
            })]);
            json["pd-pools"] = new JsonArray([.. subnet.PdPools.Select(PdPool)]);
            json["option-data"] = SubnetParameters.OptionData(spec.Options, subnet.Options);
            json["reservations"] = new JsonArray([.. subnet.Reservations.Select(Reservation)]);
            SubnetParameters.AddTimers(
                json, subnet.ValidLifetime ?? spec.ValidLifetime, subnet.PreferredLifetime ?? spec.PreferredLifetime, spec.RenewTimer, spec.RebindTimer);
            SubnetParameters.AddDdns(json, spec.DnsUpdates);
            json["user-context"] = SubnetParameters.UserContext(key, spec.DnsUpdates);
            return json;
        });
    }

    private static JsonNode PdPool(PdPool pool)
    {
        var prefix = IPNetwork.Parse(pool.Prefix);
        return new JsonObject
        {
            ["prefix"] = prefix.BaseAddress.ToString(),
            ["prefix-len"] = prefix.PrefixLength,
            ["delegated-len"] = pool.DelegatedLength,
        };
    }

    private static JsonNode Reservation(DhcpReservation6 reservation)
    {
        var json = new JsonObject { ["duid"] = reservation.Duid };
        if (reservation.IpAddresses.Count > 0)
        {
            json["ip-addresses"] = new JsonArray([.. reservation.IpAddresses.Select(address => (JsonNode)JsonValue.Create(IPAddress.Parse(address).ToString()))]);
        }

        if (reservation.Prefixes.Count > 0)
        {
            json["prefixes"] = new JsonArray([.. reservation.Prefixes.Select(prefix => (JsonNode)JsonValue.Create(IPNetwork.Parse(prefix).ToString()))]);
        }

        if (!string.IsNullOrEmpty(reservation.Hostname))
        {
            json["hostname"] = reservation.Hostname;
        }

        return json;
    }
}
