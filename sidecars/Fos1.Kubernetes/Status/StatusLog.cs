using Microsoft.Extensions.Logging;

namespace Fos1.Kubernetes.Status;

internal static partial class StatusLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Debug, Message = "Wrote the status of {Kind} {Key} (observedGeneration {ObservedGeneration})")]
    public static partial void Wrote(ILogger logger, string kind, string key, long? observedGeneration);
}
