using System.Text.Json.Serialization;

namespace Fos1.Crds.Dhcp;

/// <summary>The spec of a <c>DHCPv6Service</c> (docs/crds.md); durations in seconds.</summary>
public sealed record DhcpV6ServiceSpec
{
    /// <summary>[] = the kea-config template's interfaces.</summary>
    [JsonPropertyName("interfaces")]
    public IReadOnlyList<string> Interfaces { get; init => field = value ?? []; } = [];

    [JsonPropertyName("validLifetime")]
    public int ValidLifetime { get; set; } = 3600;

    [JsonPropertyName("preferredLifetime")]
    public int? PreferredLifetime { get; init; }

    [JsonPropertyName("renewTimer")]
    public int? RenewTimer { get; init; }

    [JsonPropertyName("rebindTimer")]
    public int? RebindTimer { get; init; }

    [JsonPropertyName("options")]
    public IReadOnlyList<DhcpOption> Options { get; init => field = value ?? []; } = [];

    /// <summary>Required, at least one.</summary>
    [JsonPropertyName("subnets")]
    public IReadOnlyList<DhcpSubnet6> Subnets { get; init => field = value ?? []; } = [];

    [JsonPropertyName("dnsupdates")]
    public DnsUpdates DnsUpdates { get; init => field = value ?? new(); } = new();
}
