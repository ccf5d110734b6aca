using System.Text.Json.Serialization;

namespace Fos1.Crds.Dhcp;

/// <summary>The DDNS settings Kea derives its <c>ddns-*</c> parameters from.</summary>
public sealed record DnsUpdates
{
    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; }

    /// <summary>The qualifying suffix (<c>ddns-qualifying-suffix</c>); required when enabled.</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    /// <summary>True: PTR records too.</summary>
    [JsonPropertyName("reverse")]
    public bool Reverse { get; set; } = true;

    [JsonPropertyName("replaceClientName")]
    public ReplaceClientName ReplaceClientName { get; set; } = ReplaceClientName.Never;

    /// <summary>"" = no generated names for clients that send no hostname.</summary>
    [JsonPropertyName("generatedPrefix")]
    public string GeneratedPrefix { get; init => field = value ?? ""; } = "";
}
