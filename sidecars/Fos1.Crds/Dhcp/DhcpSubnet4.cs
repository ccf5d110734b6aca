using System.Text.Json.Serialization;

namespace Fos1.Crds.Dhcp;

/// <summary>One kea-dhcp4 subnet.</summary>
public sealed record DhcpSubnet4
{
    /// <summary>IPv4 CIDR, e.g. 192.168.1.0/24.</summary>
    [JsonPropertyName("subnet")]
    public string Subnet { get; set; } = "";

    /// <summary>Kea subnet-id; null = a stable id derived from the subnet.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("pools")]
    public IReadOnlyList<DhcpPool> Pools { get; init => field = value ?? []; } = [];

    [JsonPropertyName("options")]
    public IReadOnlyList<DhcpOption> Options { get; init => field = value ?? []; } = [];

    /// <summary>Overrides the service's valid lifetime (seconds).</summary>
    [JsonPropertyName("validLifetime")]
    public int? ValidLifetime { get; init; }

    [JsonPropertyName("reservations")]
    public IReadOnlyList<DhcpReservation4> Reservations { get; init => field = value ?? []; } = [];
}
