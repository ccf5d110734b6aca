using System.Buffers.Binary;
using Coredns.Dns;
using Fos1.Ddns.Updates;
using Fos1.Dns.Publishing.Answering;
using Fos1.Zones.Records;
using Google.Protobuf;
using Grpc.Net.Client;

namespace Fos1.Dns.Publishing.Probing;

/// <summary>
/// Asks a <c>coredns.dns.DnsService</c> (CoreDNS's own gRPC server block, or our bridge) for a zone's
/// SOA serial: the readiness signal (CoreDNS serves the zone) and the publish-latency clock (the serial
/// a change produced has arrived).
/// </summary>
public sealed class CoreDnsGrpcProbe : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly DnsService.DnsServiceClient _client;

    /// <param name="address">For example <c>http://127.0.0.1:9053</c> (cleartext HTTP/2).</param>
    public CoreDnsGrpcProbe(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        _channel = GrpcChannel.ForAddress(address);
        _client = new DnsService.DnsServiceClient(_channel);
    }

    /// <summary>The serial of <paramref name="zone"/>'s SOA.</summary>
    /// <exception cref="InvalidOperationException">The answer is not an authoritative SOA for the zone.</exception>
    public async Task<uint> SoaSerialAsync(DnsName zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var id = (ushort)Random.Shared.Next(ushort.MaxValue + 1);
        var reply = await _client.QueryAsync(new DnsPacket { Msg = ByteString.CopyFrom(SoaQuery(id, zone)) }, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var response = DnsResponse.Parse(reply.Msg.Span);
        if (response.Id != id)
        {
            throw new InvalidOperationException($"the SOA answer for {zone} carries id {response.Id}, not {id}");
        }

        return response is { Code: ResponseCode.NoError }
            && response.Answer.FirstOrDefault(r => r.Type == DnsType.Soa && r.Owner == zone) is { } soa
            ? soa.Data.ToSoa().Serial
            : throw new InvalidOperationException($"no SOA for {zone} in the answer (RCODE {response.Code})");
    }

    public void Dispose() => _channel.Dispose();

    private static byte[] SoaQuery(ushort id, DnsName zone)
    {
        var name = zone.ToCanonicalWireFormat();
        var message = new byte[12 + name.Length + 4];
        BinaryPrimitives.WriteUInt16BigEndian(message, id);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(4), 1);
        name.CopyTo(message, 12);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(12 + name.Length), DnsType.Soa);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(14 + name.Length), DnsClass.In);
        return message;
    }
}
