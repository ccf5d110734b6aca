using System.Text.Json.Serialization;

namespace Fos1.Crds.Dhcp;

/// <summary>One kea-dhcp6 subnet.</summary>
public sealed record DhcpSubnet6
{
    /// <summary>IPv6 CIDR, e.g. 2001:db8:1::/64.</summary>
    [JsonPropertyName("subnet")]
    public string Subnet { get; set; } = "";

    /// <summary>Kea subnet-id; null = a stable id derived from the subnet.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("pools")]
    public IReadOnlyList<DhcpPool> Pools { get; init => field = value ?? []; } = [];

    [JsonPropertyName("pdPools")]
    public IReadOnlyList<PdPool> PdPools { get; init => field = value ?? []; } = [];

    [JsonPropertyName("options")]
    public IReadOnlyList<DhcpOption> Options { get; init => field = value ?? []; } = [];

    [JsonPropertyName("validLifetime")]
    public int? ValidLifetime { get; init; }

    [JsonPropertyName("preferredLifetime")]
    public int? PreferredLifetime { get; init; }

    [JsonPropertyName("reservations")]
    public IReadOnlyList<DhcpReservation6> Reservations { get; init => field = value ?? []; } = [];
}
