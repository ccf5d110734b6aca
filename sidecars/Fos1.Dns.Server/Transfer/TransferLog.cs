using System.Net;
using Fos1.Ddns.Updates;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Server.Transfer;

internal static partial class TransferLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Transfer of {Zone} to {Client} (key {Key}): {Code}, {Messages} messages")]
    public static partial void Transferred(ILogger logger, DnsName zone, string client, string key, ResponseCode code, int messages);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "NOTIFY for {Zone} serial {Serial} acknowledged by {Secondary} after {Tries} tries")]
    public static partial void NotifyAcknowledged(ILogger logger, DnsName zone, uint serial, IPEndPoint secondary, int tries);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "NOTIFY for {Zone} serial {Serial} to {Secondary} got no answer after {Tries} tries")]
    public static partial void NotifyUnanswered(ILogger logger, DnsName zone, uint serial, IPEndPoint secondary, int tries);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "NOTIFY for {Zone} to {Secondary} answered {Code}")]
    public static partial void NotifyRejected(ILogger logger, DnsName zone, IPEndPoint secondary, ResponseCode code);
}
