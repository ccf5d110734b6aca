using Microsoft.Extensions.Logging;

namespace Fos1.Sidecars.Config;

internal static partial class StartupLog
{
    /// <summary>Logged once the host has started: tests and operators wait for this line.</summary>
    [LoggerMessage(EventId = 799, Level = LogLevel.Information, Message = "fos1-config-sidecar started (AdGuard Home: {AdGuard}, mDNS: {Mdns})")]
    public static partial void Started(ILogger logger, bool adGuard, bool mdns);
}
