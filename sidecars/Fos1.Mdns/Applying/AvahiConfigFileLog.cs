using Microsoft.Extensions.Logging;

namespace Fos1.Mdns.Applying;

internal static partial class AvahiConfigFileLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Path} already holds the rendered configuration; avahi left alone")]
    public static partial void Unchanged(ILogger logger, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Replaced {Path}; avahi-daemon restart: {Outcome}")]
    public static partial void Replaced(ILogger logger, string path, AvahiRestartOutcome outcome);
}
