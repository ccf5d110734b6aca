using System.Buffers.Binary;
using System.Net;
using CliWrap;
using CliWrap.Buffered;
using Coredns.Dns;
using Fos1.Dns.Publishing.Answering;
using Fos1.Zones.Records;
using Google.Protobuf;
using Grpc.Net.Client;

namespace Fos1.Integration.Tests.DnsSidecar;

/// <summary>Asks the dns sidecar's gRPC DnsService what CoreDNS's grpc plugin would ask it.</summary>
internal static class GrpcQuery
{
    public static async Task<(string Code, IReadOnlyList<string> Data)> AskAsync(IPEndPoint grpc, string name, ushort type)
    {
        using var channel = GrpcChannel.ForAddress($"http://{grpc}");
        var client = new DnsService.DnsServiceClient(channel);
        var reply = await client.QueryAsync(new DnsPacket { Msg = ByteString.CopyFrom(Query(name, type)) });
        var response = DnsResponse.Parse(reply.Msg.Span);
        return (response.Code.ToString(), response.Answer.Where(r => r.Type == type).Select(Describe).Order(StringComparer.Ordinal).ToList());
    }

    public static async Task<string> CheckZoneAsync(string zone, string file)
    {
        var result = await Cli.Wrap(new Testbed.Processes.Tool("named-checkzone", "bind9-utils").Path)
            .WithArguments(["-k", "fail", "-i", "full", zone, file]).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        return result.ExitCode == 0 ? "OK" : result.StandardOutput + result.StandardError;
    }

    private static string Describe(Zones.Records.ResourceRecord record) => record.Type switch
    {
        DnsType.A or DnsType.Aaaa => record.Data.ToAddress().ToString(),
        DnsType.Ptr => record.Data.ToTargetName().ToString(),
        DnsType.Dhcid => record.Data.ToDhcid().ToString(),
        _ => Convert.ToHexString(record.Data.Wire),
    };

    private static byte[] Query(string name, ushort type)
    {
        var message = new List<byte> { 0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            message.Add((byte)label.Length);
            message.AddRange(System.Text.Encoding.ASCII.GetBytes(label));
        }

        var tail = new byte[5];
        BinaryPrimitives.WriteUInt16BigEndian(tail.AsSpan(1), type);
        BinaryPrimitives.WriteUInt16BigEndian(tail.AsSpan(3), 1);
        message.AddRange(tail);
        return [.. message];
    }
}
