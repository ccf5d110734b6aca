using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>A pause window within one day, "HH:mm" local to the schedule's time zone; start inclusive, end exclusive (up to "24:00").</summary>
public sealed record TimeRange
{
    [JsonPropertyName("start")]
    public string Start { get; set; } = "";

    [JsonPropertyName("end")]
    public string End { get; set; } = "";
}
