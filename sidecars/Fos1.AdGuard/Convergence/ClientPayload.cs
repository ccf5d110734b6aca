using Fos1.AdGuard.Api;
using Fos1.AdGuard.Desired;

namespace Fos1.AdGuard.Convergence;

/// <summary>A desired client as the API's JSON, and whether what AdGuard reports already matches it.</summary>
public static class ClientPayload
{
    private const long MillisecondsPerMinute = 60_000;

    public static ClientInfo From(DesiredClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        DayRange? Day(string day) => client.Pause.Days.TryGetValue(day, out var r) ? new DayRange(r.Start * MillisecondsPerMinute, r.End * MillisecondsPerMinute) : null;
        return new ClientInfo
        {
            Name = client.Name,
            Ids = client.Ids,
            Tags = client.Tags,
            Upstreams = client.Upstreams,
            UseGlobalSettings = client.UseGlobalSettings,
            FilteringEnabled = client.FilteringEnabled,
            ParentalEnabled = client.ParentalEnabled,
            SafeBrowsingEnabled = client.SafeBrowsingEnabled,
            // AdGuard enforces no provider for {"enabled": true} alone; send every provider, as its UI does.
            SafeSearch = new SafeSearchSettings
            {
                Enabled = client.SafeSearchEnabled, Bing = true, DuckDuckGo = true, Ecosia = true, Google = true, Pixabay = true, Yandex = true, YouTube = true,
            },
            UseGlobalBlockedServices = client.UseGlobalBlockedServices,
            BlockedServices = client.BlockedServices,
            BlockedServicesSchedule = new ScheduleInfo
            {
                TimeZone = client.Pause.TimeZone, Mon = Day("mon"), Tue = Day("tue"), Wed = Day("wed"), Thu = Day("thu"), Fri = Day("fri"), Sat = Day("sat"), Sun = Day("sun"),
            },
        };
    }

    /// <summary>True when <paramref name="actual"/> holds everything fos1 manages in <paramref name="wanted"/>.</summary>
    public static bool Matches(ClientInfo wanted, ClientInfo actual)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(actual);
        return wanted.Name == actual.Name
            && SameSet(wanted.Ids, actual.Ids, StringComparer.OrdinalIgnoreCase)
            && SameSet(wanted.Tags, actual.Tags, StringComparer.Ordinal)
            && wanted.Upstreams.SequenceEqual(actual.Upstreams, StringComparer.Ordinal)
            && wanted.UseGlobalSettings == actual.UseGlobalSettings
            && wanted.FilteringEnabled == actual.FilteringEnabled
            && wanted.ParentalEnabled == actual.ParentalEnabled
            && wanted.SafeBrowsingEnabled == actual.SafeBrowsingEnabled
            && (wanted.SafeSearch?.Enabled ?? false) == (actual.SafeSearch?.Enabled ?? false)
            && wanted.UseGlobalBlockedServices == actual.UseGlobalBlockedServices
            && SameSet(wanted.BlockedServices, actual.BlockedServices, StringComparer.Ordinal)
            && SameSchedule(wanted.BlockedServicesSchedule, actual.BlockedServicesSchedule);
    }

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b, StringComparer comparer) =>
        a.Count == b.Count && a.ToHashSet(comparer).SetEquals(b);

    private static bool SameSchedule(ScheduleInfo? a, ScheduleInfo? b)
    {
        a ??= new ScheduleInfo();
        b ??= new ScheduleInfo();
        return a.TimeZone == b.TimeZone && a.Set().SequenceEqual(b.Set());
    }
}
