using System.Text.Json.Serialization;

namespace Fos1.Crds.Dhcp;

/// <summary>One Kea <c>option-data</c> entry, by option name with data in Kea's own syntax.</summary>
public sealed record DhcpOption
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("data")]
    public string Data { get; set; } = "";

    [JsonPropertyName("alwaysSend")]
    public bool AlwaysSend { get; init; }
}
