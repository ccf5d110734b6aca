using System.Net;
using Fos1.Ddns.Updates;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Server.Serving;

internal static partial class UpdateServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "DNS UPDATE server listening on {UdpEndPoint} (UDP) and {TcpEndPoint} (TCP)")]
    public static partial void Listening(ILogger logger, EndPoint udpEndPoint, EndPoint tcpEndPoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Malformed request from {Client}: {Error}")]
    public static partial void Malformed(ILogger logger, string client, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "TSIG from {Client} with key {Key} failed: {TsigError}")]
    public static partial void TsigFailed(ILogger logger, string client, DnsName key, string tsigError);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "UPDATE of {Zone} by {Key} from {Client}: {Code} ({Reason})")]
    public static partial void Answered(ILogger logger, DnsName zone, string key, string client, ResponseCode code, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Committing an UPDATE of {Zone} failed; answering SERVFAIL")]
    public static partial void CommitFailed(ILogger logger, Exception exception, DnsName zone);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Request from {Client} failed unexpectedly; answering SERVFAIL")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string client);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "TCP connection from {Client} ended: {Why}")]
    public static partial void TcpClosed(ILogger logger, string client, string why);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Receiving on {Transport} failed; continuing")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception, string transport);
}
