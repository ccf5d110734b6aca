using System.Text.Json.Serialization;

namespace Fos1.AdGuard.Api;

/// <summary>The part of GET /control/dns_info (openapi "DNSConfig") fos1 converges: the global upstreams.</summary>
public sealed record DnsInfo
{
    [JsonPropertyName("upstream_dns")]
    public IReadOnlyList<string> UpstreamDns { get; init => field = value ?? []; } = [];
}
