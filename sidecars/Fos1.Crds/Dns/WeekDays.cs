using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>The pause window per weekday; a day without one is blocked all day.</summary>
public sealed record WeekDays
{
    [JsonPropertyName("mon")]
    public TimeRange? Mon { get; init; }

    [JsonPropertyName("tue")]
    public TimeRange? Tue { get; init; }

    [JsonPropertyName("wed")]
    public TimeRange? Wed { get; init; }

    [JsonPropertyName("thu")]
    public TimeRange? Thu { get; init; }

    [JsonPropertyName("fri")]
    public TimeRange? Fri { get; init; }

    [JsonPropertyName("sat")]
    public TimeRange? Sat { get; init; }

    [JsonPropertyName("sun")]
    public TimeRange? Sun { get; init; }

    /// <summary>The days in week order with their JSON names, unset ones left out.</summary>
    public IEnumerable<(string Day, TimeRange Range)> Set()
    {
        (string, TimeRange?)[] all = [("mon", Mon), ("tue", Tue), ("wed", Wed), ("thu", Thu), ("fri", Fri), ("sat", Sat), ("sun", Sun)];
        foreach (var (day, range) in all)
        {
            if (range is not null)
            {
                yield return (day, range);
            }
        }
    }
}
