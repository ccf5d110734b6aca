using System.Net;
using System.Text.Json.Nodes;
using Fos1.Testbed.Kea;

namespace Fos1.Bench.Ncr.Targets;

/// <summary>The one kea-dhcp-ddns.conf both targets are started from, so they differ only in who reads it.</summary>
public static class BenchDdnsOptions
{
    public static KeaDdnsOptions For(BenchZones zones, int dnsServerTimeoutMs)
    {
        ArgumentNullException.ThrowIfNull(zones);
        IPEndPoint[] servers = [zones.DnsServer];
        return new KeaDdnsOptions
        {
            Key = zones.Key,
            ForwardDomains = [.. zones.Forward.Select(zone => new KeaDdnsDomain(zone, servers))],
            ReverseDomains = [.. zones.Reverse.Select(zone => new KeaDdnsDomain(zone, servers))],
            WithControlSocket = false,
            Customize = body =>
            {
                body["dns-server-timeout"] = dnsServerTimeoutMs;
                // The Testbed waits for D2's INFO start-up message, so the root logger stays at INFO; D2's
                // per-request INFO lines (one per change) are silenced, as the sidecar's are by its log level.
                // The sidecar ignores "loggers".
                var loggers = body["loggers"]!.AsArray();
                foreach (var child in (string[])["kea-dhcp-ddns.d2-to-dns", "kea-dhcp-ddns.dhcp-to-d2"])
                {
                    loggers.Add(new JsonObject
                    {
                        ["name"] = child,
                        ["severity"] = "WARN",
                        ["output_options"] = new JsonArray(new JsonObject { ["output"] = "stdout", ["flush"] = true }),
                    });
                }
            },
        };
    }
}
