using System.Globalization;
using System.Text.Json.Nodes;
using Fos1.Testbed.Network;

namespace Fos1.Testbed.Kea;

/// <summary>Renders the kea-dhcp4 / kea-dhcp6 configuration for a <see cref="DhcpLab"/>.</summary>
internal static class KeaDhcpConfiguration
{
    public const string Subnet4 = "192.0.2.0/24";
    public const string Pool4 = "192.0.2.100 - 192.0.2.200";
    public const string Subnet6 = "2001:db8:1::/64";
    public const string Pool6 = "2001:db8:1::100 - 2001:db8:1::1ff";

    public static JsonObject Render(int family, DhcpLab lab, KeaDhcpOptions options, string directory)
    {
        var v6 = family == 6;
        var daemon = v6 ? "kea-dhcp6" : "kea-dhcp4";
        var body = new JsonObject
        {
            ["interfaces-config"] = new JsonObject { ["interfaces"] = new JsonArray(lab.ServerInterface) },
            ["control-socket"] = new JsonObject { ["socket-type"] = "unix", ["socket-name"] = ControlSocketPath(directory) },
            ["lease-database"] = new JsonObject
            {
                ["type"] = "memfile",
                ["name"] = LeaseFilePath(directory, family),
                ["lfc-interval"] = 0,
            },
            ["valid-lifetime"] = options.ValidLifetime,
            ["dhcp-ddns"] = DhcpDdns(options),
            ["ddns-send-updates"] = options.NcrReceiver is not null,
            ["ddns-qualifying-suffix"] = options.QualifyingSuffix,
            ["ddns-replace-client-name"] = "always",
            ["ddns-generated-prefix"] = options.GeneratedPrefix,
            ["hooks-libraries"] = new JsonArray(options.Hooks.Select(hook => (JsonNode)hook.ToJson()).ToArray()),
            [v6 ? "subnet6" : "subnet4"] = new JsonArray(new JsonObject
            {
                ["id"] = 1,
                ["subnet"] = v6 ? Subnet6 : Subnet4,
                ["pools"] = new JsonArray(new JsonObject { ["pool"] = v6 ? Pool6 : Pool4 }),
                ["interface"] = lab.ServerInterface,
            }),
            ["loggers"] = new JsonArray(new JsonObject
            {
                ["name"] = daemon,
                ["severity"] = "INFO",
                ["output_options"] = new JsonArray(new JsonObject { ["output"] = "stdout", ["flush"] = true }),
            }),
        };
        if (v6)
        {
            // Without it kea-dhcp6 writes its server DUID to /var/lib/kea.
            body["data-directory"] = directory;
            body["preferred-lifetime"] = options.PreferredLifetime ?? options.ValidLifetime * 3 / 4;
        }

        options.Customize?.Invoke(body);
        return new JsonObject { [v6 ? "Dhcp6" : "Dhcp4"] = body };
    }

    public static string ControlSocketPath(string directory) => Path.Combine(directory, "control.sock");

    public static string LeaseFilePath(string directory, int family) =>
        Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"leases{family}.csv"));

    private static JsonObject DhcpDdns(KeaDhcpOptions options) => options.NcrReceiver is { } receiver
        ? new JsonObject
        {
            ["enable-updates"] = true,
            ["server-ip"] = receiver.Address.ToString(),
            ["server-port"] = receiver.Port,
            ["ncr-protocol"] = "UDP",
            ["ncr-format"] = "JSON",
        }
        : new JsonObject { ["enable-updates"] = false };
}
