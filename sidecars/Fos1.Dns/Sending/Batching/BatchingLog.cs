using Fos1.Ddns.Updates;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Sending.Batching;

internal static partial class BatchingLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Debug, Message = "Merged UPDATE of {Plans} plans for zone {Zone} answered {ResponseCode}; resending each plan alone")]
    public static partial void FallingBack(this ILogger logger, int plans, DnsName zone, ResponseCode responseCode);

    [LoggerMessage(EventId = 41, Level = LogLevel.Debug, Message = "Merged UPDATE of {Plans} plans for zone {Zone} could not be sent; resending each plan alone")]
    public static partial void FallingBack(this ILogger logger, int plans, DnsName zone, Exception exception);
}
