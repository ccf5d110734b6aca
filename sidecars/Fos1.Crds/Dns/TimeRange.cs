using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>A block window within one day, "HH:mm" local to the schedule's time zone.</summary>
public sealed record TimeRange
{
    [JsonPropertyName("start")]
    public string Start { get; init; } = "";

    [JsonPropertyName("end")]
    public string End { get; init; } = "";
}
