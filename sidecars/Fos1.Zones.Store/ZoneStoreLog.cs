using Microsoft.Extensions.Logging;

namespace Fos1.Zones.Store;

internal static partial class ZoneStoreLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Zone {Zone}: loaded serial {LoadedSerial} from {Source}, replayed {Replayed} journal entries, now serial {Serial}")]
    public static partial void Loaded(ILogger logger, Fos1.Ddns.DnsName zone, uint loadedSerial, string source, int replayed, uint serial);

    [LoggerMessage(EventId = 601, Level = LogLevel.Error, Message = "Zone {Zone}: journal entry {Index} does not apply ({Reason}); replay stopped there (resuming only at an entry that follows the version reached), {Dropped} entries not applied, kept aside in {RejectedFile}")]
    public static partial void ReplayStopped(ILogger logger, Fos1.Ddns.DnsName zone, int index, string reason, int dropped, string rejectedFile);

    [LoggerMessage(EventId = 602, Level = LogLevel.Error, Message = "Zone {Zone}: writing the zone file {Path} failed; retried on the next change")]
    public static partial void FileWriteFailed(ILogger logger, Exception exception, Fos1.Ddns.DnsName zone, string path);

    [LoggerMessage(EventId = 603, Level = LogLevel.Error, Message = "Zone {Zone}: {Count} update(s) could not be made durable and were not applied")]
    public static partial void CommitFailed(ILogger logger, Fos1.Ddns.DnsName zone, int count);
}
