using System.Net;
using System.Text.Json.Nodes;
using Fos1.Crds.Dhcp;

namespace Fos1.Kea.Configuration.Rendering;

/// <summary>DHCPv4Service CRs + the kea-dhcp4 template -> the <c>Dhcp4</c> configuration. Pure: no I/O, no clock.</summary>
public static class KeaDhcp4ConfigRenderer
{
    /// <param name="services">Every DHCPv4Service the Kea serves (one namespace); order does not matter.</param>
    public static KeaConfigRendering Render(IEnumerable<DhcpV4Service> services, KeaConfigTemplate template, KeaRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(template);
        if (template.Family != 4)
        {
            throw new ArgumentException("DHCPv4Services need a Dhcp4 template", nameof(template));
        }

        return KeaConfigComposer.Compose(template, services.Select(Candidate), options ?? KeaRenderOptions.Default);
    }

    private static ServiceCandidate Candidate(DhcpV4Service service)
    {
        var spec = service.Spec;
        return ServiceCandidate.From(service.Metadata, spec?.Interfaces, spec?.DnsUpdates, DhcpServiceChecks.Check4(spec),
            key => [.. spec!.Subnets.Select(subnet => Subnet(key, spec, subnet))]);
    }

    private static SubnetCandidate Subnet(string key, DhcpV4ServiceSpec spec, DhcpSubnet4 subnet)
    {
        var network = IPNetwork.Parse(subnet.Subnet);
        return new SubnetCandidate(network, (uint?)subnet.Id, (id, _) =>
        {
            var json = new JsonObject
            {
                ["id"] = id,
                ["subnet"] = network.ToString(),
                ["pools"] = new JsonArray([.. subnet.Pools.Select(pool => (JsonNode)new JsonObject
                {
                    ["pool"] = $"{IPAddress.Parse(pool.Start)} - {IPAddress.Parse(pool.End)}",
                })]),
                ["option-data"] = SubnetParameters.OptionData(spec.Options, subnet.Options),
                ["reservations"] = new JsonArray([.. subnet.Reservations.Select(Reservation)]),
            };
            SubnetParameters.AddTimers(json, subnet.ValidLifetime ?? spec.ValidLifetime, null, spec.RenewTimer, spec.RebindTimer);
            SubnetParameters.AddDdns(json, spec.DnsUpdates);
            json["user-context"] = SubnetParameters.UserContext(key, spec.DnsUpdates);
            return json;
        });
    }

    private static JsonNode Reservation(DhcpReservation4 reservation)
    {
        var json = new JsonObject();
        if (!string.IsNullOrEmpty(reservation.HwAddress))
        {
            json["hw-address"] = reservation.HwAddress;
        }
        else
        {
            json["client-id"] = reservation.ClientId;
        }

        if (!string.IsNullOrEmpty(reservation.IpAddress))
        {
            json["ip-address"] = IPAddress.Parse(reservation.IpAddress).ToString();
        }

        if (!string.IsNullOrEmpty(reservation.Hostname))
        {
            json["hostname"] = reservation.Hostname;
        }

        return json;
    }
}
