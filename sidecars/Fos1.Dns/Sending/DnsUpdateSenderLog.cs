using System.Net;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Sending;

internal static partial class DnsUpdateSenderLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "UPDATE {Id} for zone {Zone} sent to {Server} over {Transport} ({Length} octets)")]
    public static partial void UpdateSent(this ILogger logger, ushort id, DnsName zone, IPEndPoint server, string transport, int length);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "UPDATE {Id} for zone {Zone} answered {ResponseCode} by {Server}")]
    public static partial void UpdateAnswered(this ILogger logger, ushort id, DnsName zone, Ddns.Updates.ResponseCode responseCode, IPEndPoint server);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "UPDATE {Id} for zone {Zone} to {Server} failed: {Kind}: {Detail}")]
    public static partial void UpdateFailed(this ILogger logger, ushort id, DnsName zone, IPEndPoint server, UpdateFailureKind kind, string detail);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "UPDATE {Id} for zone {Zone}: UDP answer from {Server} truncated, retrying over TCP")]
    public static partial void RetryingOverTcp(this ILogger logger, ushort id, DnsName zone, IPEndPoint server);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Dropped a {Length}-octet datagram from {Source}: it answers no UPDATE in flight (late or forged)")]
    public static partial void UnmatchedDatagram(this ILogger logger, int length, EndPoint source);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Receiving UPDATE responses on the shared UDP socket failed; continuing")]
    public static partial void ReceiveFailed(this ILogger logger, Exception exception);
}
