using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>The spec of a <c>DNSClient</c> (docs/crds.md).</summary>
public sealed record DnsClientSpec
{
    /// <summary>null = metadata.name.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>Required, at least one: IP, CIDR, MAC or ClientID.</summary>
    [JsonPropertyName("ids")]
    public IReadOnlyList<string> Ids { get; init => field = value ?? []; } = [];

    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get; init => field = value ?? []; } = [];

    /// <summary>[] = the global upstreams.</summary>
    [JsonPropertyName("upstreams")]
    public IReadOnlyList<string> Upstreams { get; init => field = value ?? []; } = [];

    [JsonPropertyName("useGlobalSettings")]
    public bool UseGlobalSettings { get; set; } = true;

    [JsonPropertyName("filteringEnabled")]
    public bool FilteringEnabled { get; set; } = true;

    [JsonPropertyName("parentalEnabled")]
    public bool ParentalEnabled { get; init; }

    [JsonPropertyName("safeBrowsingEnabled")]
    public bool SafeBrowsingEnabled { get; init; }

    [JsonPropertyName("safeSearch")]
    public SafeSearch SafeSearch { get; init => field = value ?? new(); } = new();

    [JsonPropertyName("blockedServices")]
    public BlockedServices BlockedServices { get; init => field = value ?? new(); } = new();

    /// <summary>DNSFilterList names (same namespace) whose rules apply to this client only.</summary>
    [JsonPropertyName("filterLists")]
    public IReadOnlyList<string> FilterLists { get; init => field = value ?? []; } = [];
}
