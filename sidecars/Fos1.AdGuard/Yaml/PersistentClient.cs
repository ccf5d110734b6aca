using System.Globalization;
using Fos1.AdGuard.Desired;

namespace Fos1.AdGuard.Yaml;

/// <summary>One <c>clients.persistent[]</c> entry (internal/home clientObject's YAML keys).</summary>
internal static class PersistentClient
{
    public static void Write(YamlBlockWriter yaml, DesiredClient client)
    {
        yaml.String("name", client.Name);
        yaml.Strings("ids", client.Ids);
        yaml.Strings("tags", client.Tags);
        yaml.Strings("upstreams", client.Upstreams);
        yaml.String("uid", client.Uid);
        yaml.Bool("use_global_settings", client.UseGlobalSettings);
        yaml.Bool("filtering_enabled", client.FilteringEnabled);
        yaml.Bool("parental_enabled", client.ParentalEnabled);
        yaml.Bool("safebrowsing_enabled", client.SafeBrowsingEnabled);
        ConfigSections.SafeSearch(yaml, client.SafeSearchEnabled);
        yaml.Bool("use_global_blocked_services", client.UseGlobalBlockedServices);
        yaml.Map("blocked_services", () =>
        {
            yaml.Map("schedule", () =>
            {
                yaml.String("time_zone", client.Pause.TimeZone);
                foreach (var day in PauseSchedule.WeekDays.Where(client.Pause.Days.ContainsKey))
                {
                    var (start, end) = client.Pause.Days[day];
                    yaml.Map(day, () =>
                    {
                        yaml.String("start", Duration(start));
                        yaml.String("end", Duration(end));
                    });
                }
            });
            yaml.Strings("ids", client.BlockedServices);
        });
        yaml.Bool("upstreams_cache_enabled", false);
        yaml.Number("upstreams_cache_size", 0);
        yaml.Bool("ignore_querylog", false);
        yaml.Bool("ignore_statistics", false);
    }

    /// <summary>Minutes as a Go duration string (8h, 8h30m, 45m, 0s), which AdGuard's timeutil.Duration parses.</summary>
    internal static string Duration(int minutes)
    {
        var (hours, rest) = (minutes / 60, minutes % 60);
        return (hours, rest) switch
        {
            (0, 0) => "0s",
            (0, _) => rest.ToString(CultureInfo.InvariantCulture) + "m",
            (_, 0) => hours.ToString(CultureInfo.InvariantCulture) + "h",
            _ => string.Create(CultureInfo.InvariantCulture, $"{hours}h{rest}m"),
        };
    }
}
