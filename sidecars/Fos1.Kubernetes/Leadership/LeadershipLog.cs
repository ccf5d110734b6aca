using Microsoft.Extensions.Logging;

namespace Fos1.Kubernetes.Leadership;

internal static partial class LeadershipLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "{Identity} started leading (Lease {Namespace}/{Name})")]
    public static partial void Started(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "{Identity} stopped leading (Lease {Namespace}/{Name})")]
    public static partial void Stopped(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "{Leader} leads (Lease {Namespace}/{Name})")]
    public static partial void NewLeader(ILogger logger, string leader, string @namespace, string name);

    [LoggerMessage(EventId = 403, Level = LogLevel.Warning, Message = "Leader election on Lease {Namespace}/{Name} hit an error; retrying")]
    public static partial void Error(ILogger logger, Exception exception, string @namespace, string name);

    [LoggerMessage(EventId = 404, Level = LogLevel.Error, Message = "The work {Identity} runs while leading failed; it stays leader without it until the next term")]
    public static partial void WorkFailed(ILogger logger, Exception exception, string identity);
}
