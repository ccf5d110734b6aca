using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>
/// AdGuard Home's blocked-services schedule, passed through as is: per weekday at most one window in which the
/// block is PAUSED (the services are reachable). Outside the windows, and on days without one, they are blocked.
/// </summary>
public sealed record BlockSchedule
{
    /// <summary>An IANA time zone, or "Local" for the host's.</summary>
    [JsonPropertyName("timeZone")]
    public string TimeZone { get; init => field = value ?? "Local"; } = "Local";

    [JsonPropertyName("days")]
    public WeekDays? Days { get; init; }
}
