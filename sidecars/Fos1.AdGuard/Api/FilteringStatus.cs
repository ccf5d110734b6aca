using System.Text.Json.Serialization;

namespace Fos1.AdGuard.Api;

/// <summary>GET /control/filtering/status (openapi "FilterStatus"). AdGuard sends null for empty Go slices.</summary>
public sealed record FilteringStatus
{
    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; }

    /// <summary>Filter update interval in hours.</summary>
    [JsonPropertyName("interval")]
    public int Interval { get; init; }

    [JsonPropertyName("filters")]
    public IReadOnlyList<FilterInfo> Filters { get; init => field = value ?? []; } = [];

    [JsonPropertyName("whitelist_filters")]
    public IReadOnlyList<FilterInfo> WhitelistFilters { get; init => field = value ?? []; } = [];

    [JsonPropertyName("user_rules")]
    public IReadOnlyList<string> UserRules { get; init => field = value ?? []; } = [];
}
