using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>The spec of a <c>DNSFilterList</c>: at least one of <see cref="Urls"/> / <see cref="Rules"/>.</summary>
public sealed record DnsFilterListSpec
{
    /// <summary>null = metadata.name.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    [JsonPropertyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>True = AdGuard "whitelist_filters" / exception rules.</summary>
    [JsonPropertyName("allowlist")]
    public bool Allowlist { get; init; }

    [JsonPropertyName("urls")]
    public IReadOnlyList<string> Urls { get; init => field = value ?? []; } = [];

    /// <summary>AdGuard-syntax rules.</summary>
    [JsonPropertyName("rules")]
    public IReadOnlyList<string> Rules { get; init => field = value ?? []; } = [];
}
