using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>A static PTR of a PTRZone: <see cref="Address"/> points at <see cref="Hostname"/>.</summary>
public sealed record PtrRecord
{
    [JsonPropertyName("address")]
    public string Address { get; set; } = "";

    /// <summary>Absolute name, trailing dot optional.</summary>
    [JsonPropertyName("hostname")]
    public string Hostname { get; set; } = "";

    [JsonPropertyName("ttl")]
    public int? Ttl { get; init; }
}
