using System.Text.Json.Serialization;

namespace Fos1.Crds.Dhcp;

/// <summary>A DHCPv6 host reservation, identified by the client's DUID.</summary>
public sealed record DhcpReservation6
{
    [JsonPropertyName("duid")]
    public string Duid { get; set; } = "";

    [JsonPropertyName("ipAddresses")]
    public IReadOnlyList<string> IpAddresses { get; init => field = value ?? []; } = [];

    /// <summary>Delegated prefixes reserved for the client, CIDR.</summary>
    [JsonPropertyName("prefixes")]
    public IReadOnlyList<string> Prefixes { get; init => field = value ?? []; } = [];

    [JsonPropertyName("hostname")]
    public string? Hostname { get; init; }
}
