using System.Text.Json.Serialization;

namespace Fos1.Crds.Dhcp;

/// <summary>An address range handed out dynamically, both ends inclusive.</summary>
public sealed record DhcpPool
{
    [JsonPropertyName("start")]
    public string Start { get; set; } = "";

    [JsonPropertyName("end")]
    public string End { get; set; } = "";
}
