using System.Text.Json.Nodes;
using Fos1.Crds.Dhcp;

namespace Fos1.Kea.Configuration.Rendering;

/// <summary>
/// The parts of a Kea subnet both families share. A CR's lifetimes, DDNS settings and service-wide options are
/// written into each of its subnets (Kea 2.2 takes <c>valid-lifetime</c>, timers, <c>ddns-*</c> and
/// <c>option-data</c> per subnet), so CRs sharing one Kea never change each other's behaviour through globals.
/// </summary>
internal static class SubnetParameters
{
    /// <summary>The service's options, then the subnet's; a subnet option replaces the service option of the same name.</summary>
    public static JsonArray OptionData(IReadOnlyList<DhcpOption> service, IReadOnlyList<DhcpOption> subnet)
    {
        var names = subnet.Select(option => option.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var merged = service.Where(option => !names.Contains(option.Name)).Concat(subnet);
        return new JsonArray([.. merged.Select(Option)]);
    }

    public static void AddTimers(JsonObject subnet, int validLifetime, int? preferredLifetime, int? renewTimer, int? rebindTimer)
    {
        subnet["valid-lifetime"] = validLifetime;
        if (preferredLifetime is { } preferred)
        {
            subnet["preferred-lifetime"] = preferred;
        }

        if (renewTimer is { } renew)
        {
            subnet["renew-timer"] = renew;
        }

        if (rebindTimer is { } rebind)
        {
            subnet["rebind-timer"] = rebind;
        }
    }

    /// <summary>
    /// <c>dnsupdates</c> -> Kea's subnet-level DDNS parameters. An empty <c>generatedPrefix</c> leaves
    /// <c>ddns-generated-prefix</c> out (Kea's own default applies, and only to <c>replaceClientName</c> modes
    /// that generate names). <c>reverse: false</c> has no Kea 2.2 parameter: it is recorded in the subnet's
    /// user-context and in <see cref="KeaConfigRendering.ForwardOnlySubnets"/>.
    /// </summary>
    public static void AddDdns(JsonObject subnet, DnsUpdates dns)
    {
        subnet["ddns-send-updates"] = dns.Enabled;
        if (!dns.Enabled)
        {
            return;
        }

        subnet["ddns-qualifying-suffix"] = dns.Domain!.TrimEnd('.') + ".";
        subnet["ddns-replace-client-name"] = dns.ReplaceClientName switch
        {
            ReplaceClientName.Always => "always",
            ReplaceClientName.WhenPresent => "when-present",
            ReplaceClientName.WhenNotPresent => "when-not-present",
            _ => "never",
        };
        if (dns.GeneratedPrefix.Length > 0)
        {
            subnet["ddns-generated-prefix"] = dns.GeneratedPrefix;
        }
    }

    /// <summary>Which CR a subnet came from, visible in <c>config-get</c>; also carries what Kea has no parameter for.</summary>
    public static JsonObject UserContext(string serviceKey, DnsUpdates dns)
    {
        var fos1 = new JsonObject { ["service"] = serviceKey };
        if (dns.Enabled && !dns.Reverse)
        {
            fos1["reverse-updates"] = false;
        }

        return new JsonObject { ["fos1"] = fos1 };
    }

    public static bool IsForwardOnly(DnsUpdates dns) => dns.Enabled && !dns.Reverse;

    private static JsonNode Option(DhcpOption option)
    {
        var json = new JsonObject { ["name"] = option.Name, ["data"] = option.Data };
        if (option.AlwaysSend)
        {
            json["always-send"] = true;
        }

        return json;
    }
}
