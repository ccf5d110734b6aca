using Fos1.Zones.StaticRecords;
using Fos1.Zones.Store;
using Fos1.Zones.Text;
using Microsoft.Extensions.Logging;

namespace Fos1.Sidecars.Dns.Zones;

/// <summary>The per-zone record of what a resource last applied, and the removal of zones whose resource is gone.</summary>
public sealed partial class ZoneCrApplier
{
    private const string OwnerPrefix = "; ";

    private string AppliedPath(DnsName zone) => Path.Combine(_resources, zone.Text.ToLowerInvariant() + ".zone");

    private StaticRecordSet? ReadApplied(DnsName zone)
    {
        var path = AppliedPath(zone);
        try
        {
            return File.Exists(path) ? StaticRecordSet.Parse(File.ReadAllText(path), zone) : null;
        }
        catch (ZoneFileException e)
        {
            LogUnreadable(_logger, path, e.Message);
            return null; // then nothing the previous version named is deleted, the rest is exact
        }
    }

    /// <summary>
    /// Zones a resource put into the store (a file in resources/) that no desired zone serves now: removed,
    /// unless their resource still exists but is Invalid (its files stay until it is fixed or deleted).
    /// </summary>
    private async Task RemoveGoneAsync(List<DesiredZone> served, DesiredZones desired, CancellationToken cancellationToken)
    {
        var keep = served.Select(z => z.Origin).ToHashSet();
        var invalid = desired.Rejected.Where(r => r.State == ZoneCrState.Invalid)
            .Select(r => $"{r.Kind} {r.Namespace}/{r.Name}").ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(_resources, "*.zone"))
        {
            if (!DnsName.TryParse(Path.GetFileNameWithoutExtension(path), out var zone, out _) || keep.Contains(zone) || _configured.Contains(zone))
            {
                continue;
            }

            var owner = File.ReadLines(path).FirstOrDefault() is { } line && line.StartsWith(OwnerPrefix, StringComparison.Ordinal)
                ? line[OwnerPrefix.Length..]
                : "";
            if (invalid.Contains(owner))
            {
                continue;
            }

            try
            {
                await _store.RemoveZoneAsync(zone, cancellationToken).ConfigureAwait(false);
                File.Delete(path);
                LogRemoved(_logger, zone, ZoneStore.RetiredDirectoryName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogFailed(_logger, e, zone);
            }
        }
    }

    [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "Zone {Zone}: static records from its resource applied, serial {From} -> {To}")]
    private static partial void LogSynced(ILogger logger, DnsName zone, uint from, uint to);

    [LoggerMessage(EventId = 901, Level = LogLevel.Error, Message = "Zone {Zone}: applying its resource failed; retried on the next apply")]
    private static partial void LogFailed(ILogger logger, Exception exception, DnsName zone);

    [LoggerMessage(EventId = 902, Level = LogLevel.Information, Message = "Zone {Zone}: its resource is gone; no longer served, files moved to {Retired}")]
    private static partial void LogRemoved(ILogger logger, DnsName zone, string retired);

    [LoggerMessage(EventId = 903, Level = LogLevel.Information, Message = "Wrote the Corefile {Path} with {Count} resource zone(s)")]
    private static partial void LogCorefile(ILogger logger, string path, int count);

    [LoggerMessage(EventId = 904, Level = LogLevel.Error, Message = "Writing the Corefile failed; the previous one stays in effect")]
    private static partial void LogCorefileFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 905, Level = LogLevel.Warning, Message = "{Path} is unreadable ({Problem}); the zone's static records are synced without it")]
    private static partial void LogUnreadable(ILogger logger, string path, string problem);
}
