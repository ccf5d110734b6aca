using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Fos1.Crds.Validation;

namespace Fos1.Crds.Dns;

/// <summary>Checks a DNSClient spec before the config sidecar makes it an AdGuard Home persistent client.</summary>
public static partial class ClientValidation
{
    public static IReadOnlyList<ValidationError> Validate(DnsClientSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<ValidationError>();
        if (spec.DisplayName is not null && string.IsNullOrWhiteSpace(spec.DisplayName))
        {
            errors.Add(new("spec.displayName", "must not be blank (leave it out to use metadata.name)"));
        }

        if (spec.Ids.Count == 0)
        {
            errors.Add(new("spec.ids", "at least one id (IP, CIDR, MAC or ClientID) is required"));
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < spec.Ids.Count; i++)
        {
            var id = spec.Ids[i] ?? "";
            if (!IsClientIdentifier(id))
            {
                errors.Add(new($"spec.ids[{i}]", $"'{id}' is not an IP address, CIDR prefix, MAC address or ClientID ([a-z0-9-], 1..63 characters)"));
            }
            else if (!seen.TryAdd(id, i))
            {
                errors.Add(new($"spec.ids[{i}]", $"'{id}' repeats spec.ids[{seen[id]}]"));
            }
        }

        Each(errors, "spec.tags", spec.Tags, Token().IsMatch, "is not a tag ([a-z0-9_])");
        Each(errors, "spec.upstreams", spec.Upstreams, u => u.Length > 0 && !u.Any(char.IsWhiteSpace), "is not an upstream (one address or URL, no spaces)");
        Each(errors, "spec.blockedServices.ids", spec.BlockedServices.Ids, Token().IsMatch, "is not a service id ([a-z0-9_])");
        Each(errors, "spec.filterLists", spec.FilterLists, ObjectName().IsMatch, "is not a DNSFilterList name (a Kubernetes object name)");
        if (spec.BlockedServices.Schedule is { } schedule)
        {
            Schedule(errors, schedule);
        }

        return errors;
    }

    /// <summary>IP, CIDR, MAC, or an AdGuard ClientID (a DoH/DoT/DoQ client label).</summary>
    public static bool IsClientIdentifier(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Syntax.TryAddress(id, AddressFamily.InterNetwork, out _, out _)
            || Syntax.TryAddress(id, AddressFamily.InterNetworkV6, out _, out _)
            || Syntax.TryPrefix(id, out _)
            || Syntax.IsMacAnySeparator(id)
            || ClientId().IsMatch(id);
    }

    private static void Schedule(List<ValidationError> errors, BlockSchedule schedule)
    {
        if (schedule.TimeZone != "Local" && !TimeZoneName().IsMatch(schedule.TimeZone))
        {
            errors.Add(new("spec.blockedServices.schedule.timeZone", $"'{schedule.TimeZone}' is not \"Local\" or an IANA time zone such as Europe/Berlin"));
        }

        foreach (var (day, range) in schedule.Days?.Set() ?? [])
        {
            var at = $"spec.blockedServices.schedule.days.{day}";
            var start = Minutes(errors, at + ".start", range.Start, allowEndOfDay: false);
            var end = Minutes(errors, at + ".end", range.End, allowEndOfDay: true);
            if (start is { } s && end is { } e && s >= e)
            {
                errors.Add(new(at, $"start {range.Start} is not before end {range.End}"));
            }
        }
    }

    private static int? Minutes(List<ValidationError> errors, string path, string? text, bool allowEndOfDay)
    {
        if (text is not null && allowEndOfDay && text == "24:00")
        {
            return 24 * 60;
        }

        if (text is not null && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return (time.Hour * 60) + time.Minute;
        }

        errors.Add(new(path, $"'{text}' is not a time HH:mm{(allowEndOfDay ? " (or 24:00)" : "")}"));
        return null;
    }

    private static void Each(List<ValidationError> errors, string path, IReadOnlyList<string> values, Func<string, bool> valid, string message)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null || !valid(values[i]))
            {
                errors.Add(new($"{path}[{i}]", $"'{values[i]}' {message}"));
            }
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,63}$")]
    private static partial Regex ClientId();

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex Token();

    // A DNS-1123 subdomain, as metadata.name is.
    [GeneratedRegex("^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex ObjectName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")]
    private static partial Regex TimeZoneName();
}
