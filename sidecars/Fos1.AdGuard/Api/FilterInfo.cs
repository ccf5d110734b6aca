using System.Text.Json.Serialization;

namespace Fos1.AdGuard.Api;

/// <summary>One filter list as GET /control/filtering/status reports it (openapi "Filter").</summary>
public sealed record FilterInfo
{
    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; }

    [JsonPropertyName("url")]
    public string Url { get; init => field = value ?? ""; } = "";

    [JsonPropertyName("name")]
    public string Name { get; init => field = value ?? ""; } = "";

    [JsonPropertyName("rules_count")]
    public long RulesCount { get; init; }

    /// <summary>RFC 3339; absent or empty until the list was downloaded once.</summary>
    [JsonPropertyName("last_updated")]
    public string? LastUpdated { get; init; }
}
