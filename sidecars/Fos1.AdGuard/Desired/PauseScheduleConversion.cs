using System.Globalization;
using Fos1.Crds.Dns;

namespace Fos1.AdGuard.Desired;

/// <summary>
/// DNSClient's schedule says when the service block APPLIES; AdGuard's says when it is PAUSED, with one window per
/// day. So the block window must be inverted: a day without a window pauses all day, a window from 00:00 or to
/// 24:00 inverts to one pause window, and a window in the middle of the day would need two, which AdGuard cannot
/// hold: that is reported instead of silently inverting the user's intent.
/// </summary>
public static class PauseScheduleConversion
{
    private const int DayEnd = 24 * 60;

    public static bool TryConvert(BlockSchedule? schedule, out PauseSchedule pause, out string? error)
    {
        pause = PauseSchedule.Never;
        error = null;
        if (schedule is null)
        {
            return true;
        }

        var windows = (schedule.Days?.Set() ?? []).ToDictionary(d => d.Day, d => d.Range);
        var days = new Dictionary<string, (int, int)>();
        foreach (var day in PauseSchedule.WeekDays)
        {
            if (!windows.TryGetValue(day, out var range))
            {
                days[day] = (0, DayEnd);
                continue;
            }

            var (start, end) = (Minutes(range.Start), Minutes(range.End));
            if (start == 0 && end == DayEnd)
            {
                continue;
            }

            if (start != 0 && end != DayEnd)
            {
                error = $"spec.blockedServices.schedule.days.{day}: AdGuard Home can only pause blocking in one window per day, " +
                    $"so a block window must start at 00:00 or end at 24:00 ({range.Start}-{range.End} would need two pauses)";
                return false;
            }

            days[day] = start == 0 ? (end, DayEnd) : (0, start);
        }

        pause = new PauseSchedule(schedule.TimeZone, days);
        return true;
    }

    // The validator has already accepted HH:mm or 24:00.
    private static int Minutes(string text) =>
        text == "24:00" ? DayEnd : (int)TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture).ToTimeSpan().TotalMinutes;
}
