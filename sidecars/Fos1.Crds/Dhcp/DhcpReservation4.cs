using System.Text.Json.Serialization;

namespace Fos1.Crds.Dhcp;

/// <summary>A DHCPv4 host reservation, identified by <see cref="HwAddress"/> or <see cref="ClientId"/>.</summary>
public sealed record DhcpReservation4
{
    [JsonPropertyName("hwAddress")]
    public string? HwAddress { get; init; }

    [JsonPropertyName("clientId")]
    public string? ClientId { get; init; }

    [JsonPropertyName("ipAddress")]
    public string IpAddress { get; set; } = "";

    [JsonPropertyName("hostname")]
    public string? Hostname { get; init; }
}
