using System.Globalization;
using System.Text;
using Fos1.Ctl.Endpoint;

namespace Fos1.Ctl.Status;

/// <summary>The readable form of GET /status: what an operator checks first (readiness and its reasons) on top.</summary>
public static class StatusSummary
{
    public static string Render(SidecarStatus status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        var text = new StringBuilder();
        var name = string.IsNullOrEmpty(status.Sidecar) ? "?" : status.Sidecar;
        var since = status.StartedAt is { } started ? $", up {Age(now - started)} (since {Iso(started)})" : "";
        Line(text, $"{name} sidecar {status.Version ?? "(unknown version)"}{since}: {(status.Ready ? "READY" : "NOT READY")}");

        Line(text, "readiness:");
        if (status.Readiness.Count == 0)
        {
            Line(text, "  (no checks reported)");
        }

        foreach (var check in status.Readiness)
        {
            Line(text, $"  {(check.Healthy ? "ok  " : "FAIL")}  {check.Check}{(string.IsNullOrEmpty(check.Reason) ? "" : ": " + check.Reason)}");
        }

        Line(text, "sources:");
        var width = status.Sources.Select(s => s.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var source in status.Sources)
        {
            var line = $"  {source.Name.PadRight(width)}  {(source.Enabled ? "on " : "off")}";
            if (source.Enabled)
            {
                line += string.Create(CultureInfo.InvariantCulture, $"  events {source.Events}, rejected {source.Rejected}, last {(source.LastEventAt is { } at ? Iso(at) : "never")}");
            }

            Line(text, source.LastError is { Length: > 0 } error ? $"{line}; last error: {error}" : line);
        }

        Line(text, "zones:");
        foreach (var zone in status.Zones)
        {
            Line(text, $"  {zone.Zone} ({zone.Direction ?? "?"}) -> {string.Join(", ", zone.Servers ?? [])}");
        }

        Line(text, status.Outbox is { } outbox
            ? string.Create(CultureInfo.InvariantCulture, $"outbox: {outbox.Pending} pending, oldest {Age(TimeSpan.FromSeconds(outbox.OldestAgeSeconds))}")
            : "outbox: (not reported)");

        Line(text, status.LastErrors.Count == 0 ? "last errors: none" : "last errors:");
        foreach (var error in status.LastErrors)
        {
            Line(text, $"  {Iso(error.At)}  {error.Message}");
        }

        return text.ToString();
    }

    /// <summary>"0 s", "42 s", "3 m 5 s", "2 h 10 m", "3 d 4 h": as precise as an operator needs.</summary>
    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalSeconds < 60 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalSeconds} s")
            : age.TotalMinutes < 60 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes} m {age.Seconds} s")
            : age.TotalHours < 24 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h {age.Minutes} m")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays} d {age.Hours} h");
    }

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
