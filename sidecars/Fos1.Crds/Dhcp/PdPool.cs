using System.Text.Json.Serialization;

namespace Fos1.Crds.Dhcp;

/// <summary>A prefix-delegation pool: <see cref="Prefix"/> carved into prefixes of <see cref="DelegatedLength"/>.</summary>
public sealed record PdPool
{
    [JsonPropertyName("prefix")]
    public string Prefix { get; set; } = "";

    [JsonPropertyName("delegatedLength")]
    public int DelegatedLength { get; init; }
}
