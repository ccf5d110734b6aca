using System.Text.Json.Nodes;

namespace Fos1.Testbed.Kea;

/// <summary>
/// Renders a kea-dhcp-ddns.conf. The kea sidecar reads the very same file, which is how the tests
/// prove it is a drop-in replacement for D2.
/// </summary>
public static class KeaDdnsConfiguration
{
    public static JsonObject Render(KeaDdnsOptions options, int port, KeaControlSocket? controlSocket)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.Key;
        var body = new JsonObject
        {
            ["ip-address"] = options.ListenAddress.ToString(),
            ["port"] = port,
            ["dns-server-timeout"] = 1000,
            ["ncr-protocol"] = "UDP",
            ["ncr-format"] = "JSON",
            ["tsig-keys"] = new JsonArray(new JsonObject
            {
                ["name"] = key.Name,
                ["algorithm"] = key.Algorithm.ToUpperInvariant(),
                ["secret"] = key.Secret,
            }),
            ["forward-ddns"] = new JsonObject { ["ddns-domains"] = Domains(options.ForwardDomains, key.Name) },
            ["reverse-ddns"] = new JsonObject { ["ddns-domains"] = Domains(options.ReverseDomains, key.Name) },
            ["loggers"] = new JsonArray(new JsonObject
            {
                ["name"] = "kea-dhcp-ddns",
                ["severity"] = "INFO",
                ["output_options"] = new JsonArray(new JsonObject { ["output"] = "stdout", ["flush"] = true }),
            }),
        };
        if (controlSocket is not null)
        {
            body["control-socket"] = new JsonObject { ["socket-type"] = "unix", ["socket-name"] = controlSocket.Path };
        }

        options.Customize?.Invoke(body);
        return new JsonObject { ["DhcpDdns"] = body };
    }

    private static JsonArray Domains(IReadOnlyList<KeaDdnsDomain> domains, string keyName) =>
        new(domains.Select(domain => (JsonNode)new JsonObject
        {
            ["name"] = domain.Name.EndsWith('.') ? domain.Name : domain.Name + ".",
            ["key-name"] = keyName,
            ["dns-servers"] = new JsonArray(domain.DnsServers.Select(server => (JsonNode)new JsonObject
            {
                ["ip-address"] = server.Address.ToString(),
                ["port"] = server.Port,
            }).ToArray()),
        }).ToArray());
}
