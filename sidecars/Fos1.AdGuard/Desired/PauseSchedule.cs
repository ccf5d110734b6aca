namespace Fos1.AdGuard.Desired;

/// <summary>
/// AdGuard's blocked-services schedule: per weekday at most one window in which blocking is PAUSED
/// (<c>start &lt;= t &lt; end</c>, minutes from midnight, end up to 1440).
/// </summary>
public sealed record PauseSchedule(string TimeZone, IReadOnlyDictionary<string, (int Start, int End)> Days)
{
    /// <summary>AdGuard's weekday keys in week order.</summary>
    public static IReadOnlyList<string> WeekDays { get; } = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static PauseSchedule Never { get; } = new("Local", new Dictionary<string, (int, int)>());

    public bool Equals(PauseSchedule? other) =>
        other is not null && TimeZone == other.TimeZone && Days.Count == other.Days.Count
        && Days.All(d => other.Days.TryGetValue(d.Key, out var o) && o == d.Value);

    public override int GetHashCode() => HashCode.Combine(TimeZone, Days.Count);
}
