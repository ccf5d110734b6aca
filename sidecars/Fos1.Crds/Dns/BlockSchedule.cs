using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>When a client's blocked services are blocked.</summary>
public sealed record BlockSchedule
{
    /// <summary>An IANA time zone, or "Local" for the host's.</summary>
    [JsonPropertyName("timeZone")]
    public string TimeZone { get; init => field = value ?? "Local"; } = "Local";

    [JsonPropertyName("days")]
    public WeekDays? Days { get; init; }
}
