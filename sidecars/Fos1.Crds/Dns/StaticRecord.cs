using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>A static record of a DNSZone, RDATA in zone-file presentation format.</summary>
public sealed record StaticRecord
{
    /// <summary>"@" = apex; relative to the domain, or absolute with a trailing dot.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>A AAAA CNAME TXT MX SRV NS PTR CAA.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    [JsonPropertyName("value")]
    public string Value { get; set; } = "";

    /// <summary>null = the zone's ttl.</summary>
    [JsonPropertyName("ttl")]
    public int? Ttl { get; init; }
}
