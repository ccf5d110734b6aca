using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>AdGuard Home safe search for one client.</summary>
public sealed record SafeSearch
{
    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; }
}
