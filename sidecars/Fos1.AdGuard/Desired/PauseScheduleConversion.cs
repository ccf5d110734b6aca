using System.Globalization;
using Fos1.Crds.Dns;

namespace Fos1.AdGuard.Desired;

/// <summary>
/// DNSClient's <c>blockedServices.schedule</c> is AdGuard's own pause schedule (docs/crds.md): each weekday's
/// window is when blocking is paused, a day without one is blocked all day. So it passes straight through; only
/// the spelling changes ("HH:mm" to minutes). The validator (<see cref="ClientValidation"/>) has checked the times.
/// </summary>
public static class PauseScheduleConversion
{
    private const int DayEnd = 24 * 60;

    /// <summary>The schedule as AdGuard holds it; no schedule never pauses.</summary>
    public static PauseSchedule From(BlockSchedule? schedule)
    {
        if (schedule is null)
        {
            return PauseSchedule.Never;
        }

        var days = (schedule.Days?.Set() ?? []).ToDictionary(d => d.Day, d => (Minutes(d.Range.Start), Minutes(d.Range.End)));
        return new PauseSchedule(schedule.TimeZone, days);
    }

    private static int Minutes(string text) =>
        text == "24:00" ? DayEnd : (int)TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture).ToTimeSpan().TotalMinutes;
}
