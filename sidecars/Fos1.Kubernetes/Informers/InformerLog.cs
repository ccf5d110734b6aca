using Microsoft.Extensions.Logging;

namespace Fos1.Kubernetes.Informers;

internal static partial class InformerLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Listed {Count} {Kind} at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, int count, string kind, string resourceVersion);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "The watch of {Kind} from {ResourceVersion} expired (410 Gone); listing again")]
    public static partial void Expired(ILogger logger, string kind, string resourceVersion);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "The watch of {Kind} ended after {Events} events; reconnecting in {Delay}")]
    public static partial void WatchEnded(ILogger logger, string kind, int events, TimeSpan delay);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "{Operation} of {Kind} failed; retrying in {Delay}")]
    public static partial void Failed(ILogger logger, Exception exception, string operation, string kind, TimeSpan delay);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "A handler of {Kind} events threw on {EventType} {Key}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string kind, InformerEventType eventType, string key);

    [LoggerMessage(EventId = 105, Level = LogLevel.Debug, Message = "Resynced {Count} {Kind}")]
    public static partial void Resynced(ILogger logger, int count, string kind);
}
