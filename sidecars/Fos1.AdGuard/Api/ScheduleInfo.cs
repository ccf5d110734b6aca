using System.Text.Json.Serialization;

namespace Fos1.AdGuard.Api;

/// <summary>openapi "Schedule": per weekday one pause window in milliseconds from midnight; absent days never pause.</summary>
public sealed record ScheduleInfo
{
    [JsonPropertyName("time_zone")]
    public string TimeZone { get; init => field = value ?? "Local"; } = "Local";

    [JsonPropertyName("mon")]
    public DayRange? Mon { get; init; }

    [JsonPropertyName("tue")]
    public DayRange? Tue { get; init; }

    [JsonPropertyName("wed")]
    public DayRange? Wed { get; init; }

    [JsonPropertyName("thu")]
    public DayRange? Thu { get; init; }

    [JsonPropertyName("fri")]
    public DayRange? Fri { get; init; }

    [JsonPropertyName("sat")]
    public DayRange? Sat { get; init; }

    [JsonPropertyName("sun")]
    public DayRange? Sun { get; init; }

    public IEnumerable<(string Day, DayRange Range)> Set()
    {
        (string, DayRange?)[] all = [("mon", Mon), ("tue", Tue), ("wed", Wed), ("thu", Thu), ("fri", Fri), ("sat", Sat), ("sun", Sun)];
        return all.Where(d => d.Item2 is not null).Select(d => (d.Item1, d.Item2!));
    }
}

/// <summary>openapi "DayRange": milliseconds from midnight, start inclusive, end exclusive.</summary>
public sealed record DayRange(
    [property: JsonPropertyName("start")] long Start,
    [property: JsonPropertyName("end")] long End);
