using Coredns.Dns;
using Fos1.Dns.Publishing.Answering;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Publishing.Grpc;

/// <summary>
/// <c>coredns.dns.DnsService/Query</c> for CoreDNS's <c>grpc</c> plugin: one DNS message in, one out,
/// answered from the current snapshots without locks.
/// </summary>
public sealed partial class DnsGrpcService(IZoneSnapshots snapshots, ILogger<DnsGrpcService> logger) : DnsService.DnsServiceBase
{
    public override Task<DnsPacket> Query(DnsPacket request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = AuthoritativeAnswerer.Answer(snapshots.FindZone, request.Msg.Span);
        LogAnswered(logger, request.Msg.Length, response.Length >= 4 ? response[3] & 0x0F : -1);
        return Task.FromResult(new DnsPacket { Msg = UnsafeByteOperations.UnsafeWrap(response) });
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "Answered a {QueryLength}-octet query with RCODE {Rcode}")]
    private static partial void LogAnswered(ILogger logger, int queryLength, int rcode);
}
