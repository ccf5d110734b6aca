using System.Globalization;
using System.Text.Json.Nodes;

namespace Fos1.Kea.Configuration.Rendering;

/// <summary>
/// Puts the CRs of one family into the template: orders them (creationTimestamp, then name, then namespace),
/// leaves out invalid ones and ones clashing with an earlier CR, numbers the subnets, and fits the template
/// to the deployment (<see cref="KeaRenderOptions"/>).
/// </summary>
internal static class KeaConfigComposer
{
    public static KeaConfigRendering Compose(KeaConfigTemplate template, IEnumerable<ServiceCandidate> services, KeaRenderOptions options)
    {
        var ordered = services
            .OrderBy(service => service.Created ?? DateTime.MaxValue)
            .ThenBy(service => service.Name, StringComparer.Ordinal)
            .ThenBy(service => service.Namespace, StringComparer.Ordinal)
            .ToList();
        var body = template.CopyBody();
        var defaultInterfaces = options.DefaultInterfaces ?? TemplateInterfaces(body);

        var included = new List<ServiceCandidate>();
        var verdicts = new Dictionary<ServiceCandidate, (ServiceOutcomeKind Kind, string? Reason)>();
        foreach (var service in ordered)
        {
            verdicts[service] = service.Problem is { } problem
                ? (ServiceOutcomeKind.Invalid, problem)
                : Conflict(service, included) is { } conflict ? (ServiceOutcomeKind.Conflict, conflict) : (ServiceOutcomeKind.Included, null);
            if (verdicts[service].Kind == ServiceOutcomeKind.Included)
            {
                included.Add(service);
            }
        }

        var ids = new SubnetIdAllocator(included.SelectMany(s => s.Subnets).Select(s => s.ExplicitId).OfType<uint>());
        var subnets = new JsonArray();
        var subnetIds = new Dictionary<ServiceCandidate, List<uint>>();
        foreach (var service in included)
        {
            var sole = service.Interfaces.Count switch
            {
                1 => service.Interfaces[0],
                0 when defaultInterfaces.Count == 1 => defaultInterfaces[0],
                _ => null,
            };
            subnetIds[service] = [];
            foreach (var subnet in service.Subnets)
            {
                var id = subnet.ExplicitId ?? ids.Allocate(subnet.Network);
                subnetIds[service].Add(id);
                // As a JsonNode: JsonArray.Add<T> would wrap it through reflection (not AOT-safe).
                subnets.Add((JsonNode)subnet.Render(id, sole));
            }
        }

        var interfaces = included.Count == 0
            ? defaultInterfaces
            : included.SelectMany(service => service.Interfaces.Count > 0 ? service.Interfaces : defaultInterfaces).Distinct(StringComparer.Ordinal).ToList();
        FitTemplate(body, template.Family, interfaces, options, ddns: included.Any(service => service.DnsUpdates.Enabled));
        body[template.Family == 6 ? "subnet6" : "subnet4"] = subnets;

        var config = new JsonObject { [template.RootName] = body };
        var outcomes = ordered
            .Select(service => new ServiceOutcome(
                service.Namespace,
                service.Name,
                service.Generation,
                verdicts[service].Kind,
                verdicts[service].Reason,
                subnetIds.TryGetValue(service, out var mine) ? mine : []))
            .ToList();
        var forwardOnly = included
            .Where(service => SubnetParameters.IsForwardOnly(service.DnsUpdates))
            .SelectMany(service => service.Subnets.Select(subnet => subnet.Network.ToString()))
            .ToList();
        return new KeaConfigRendering(template.Family, config, KeaConfigHash.Compute(config), outcomes, forwardOnly);
    }

    private static string? Conflict(ServiceCandidate service, List<ServiceCandidate> included)
    {
        foreach (var subnet in service.Subnets)
        {
            foreach (var earlier in included)
            {
                if (earlier.Subnets.FirstOrDefault(other => Addressing.Overlap(other.Network, subnet.Network)) is { } overlapping)
                {
                    return $"subnet {subnet.Network} overlaps {overlapping.Network} of {earlier.Key}";
                }

                if (subnet.ExplicitId is { } id && earlier.Subnets.Any(other => other.ExplicitId == id))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"subnet id {id} of {subnet.Network} is already used by {earlier.Key}");
                }
            }
        }

        return null;
    }

    private static List<string> TemplateInterfaces(JsonObject body) =>
        body["interfaces-config"]?["interfaces"] is JsonArray names
            ? [.. names.Select(name => name?.GetValue<string>()).OfType<string>()]
            : [];

    private static void FitTemplate(JsonObject body, int family, IReadOnlyList<string> interfaces, KeaRenderOptions options, bool ddns)
    {
        Child(body, "interfaces-config")["interfaces"] = new JsonArray([.. interfaces.Select(name => (JsonNode)JsonValue.Create(name))]);

        if (options.ControlSocketPath is { } socket)
        {
            var control = Child(body, "control-socket");
            control["socket-type"] ??= "unix";
            control["socket-name"] = socket;
        }

        if (options.LeaseFile is { } leaseFile && body["lease-database"] is JsonObject leases)
        {
            leases["name"] = leaseFile;
        }

        if (family == 6 && options.DataDirectory is { } dataDirectory)
        {
            body["data-directory"] = dataDirectory;
        }

        if (options.HookScriptPath is { } script && body["hooks-libraries"] is JsonArray hooks)
        {
            foreach (var hook in hooks.OfType<JsonObject>())
            {
                if (hook["library"]?.GetValue<string>().EndsWith("libdhcp_run_script.so", StringComparison.Ordinal) == true)
                {
                    Child(hook, "parameters")["name"] = script;
                }
            }
        }

        if (ddns)
        {
            var dhcpDdns = Child(body, "dhcp-ddns");
            dhcpDdns["enable-updates"] = true;
            dhcpDdns["server-ip"] = options.NcrServerAddress.ToString();
            dhcpDdns["server-port"] = options.NcrServerPort;
        }
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }
}
