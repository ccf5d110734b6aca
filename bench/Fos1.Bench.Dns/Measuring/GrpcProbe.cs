using Fos1.Bench.Common.Measuring;
using System.Net;
using Coredns.Dns;
using Fos1.Ddns;
using Fos1.Ddns.Updates;
using Fos1.Dns.Publishing.Answering;
using Fos1.Zones.Records;
using Google.Protobuf;
using Grpc.Net.Client;

namespace Fos1.Bench.Dns.Measuring;

/// <summary>The dns sidecar's gRPC DnsService, asked what CoreDNS's grpc plugin would ask it (one shared h2c channel).</summary>
public sealed class GrpcProbe(IPEndPoint endpoint) : PollingProbe
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress($"http://{endpoint}");

    public override string Name => "gRPC";

    protected override async Task<bool> AnswersAsync(DnsName name, CancellationToken cancellationToken)
    {
        var client = new DnsService.DnsServiceClient(_channel);
        var query = QueryWire.Query((ushort)Random.Shared.Next(ushort.MaxValue), name.ToString(), DnsType.A);
        var reply = await client.QueryAsync(new DnsPacket { Msg = ByteString.CopyFrom(query) }, cancellationToken: cancellationToken);
        var response = DnsResponse.Parse(reply.Msg.Span);
        return response.Code == ResponseCode.NoError && response.Answer.Any(record => record.Type == DnsType.A);
    }

    public override async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await base.DisposeAsync();
    }
}
